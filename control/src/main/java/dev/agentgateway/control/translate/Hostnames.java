package dev.agentgateway.control.translate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Gateway API hostname intersection between a listener and a route. */
final class Hostnames {
  private Hostnames() {}

  /**
   * The hostnames a route serves on a listener: an empty list means any host, null means the two do
   * not intersect (the route does not attach to that listener).
   */
  static List<String> intersect(String listener, List<String> route) {
    String l = listener == null || listener.isEmpty() ? null : listener.toLowerCase(Locale.ROOT);
    if (route == null || route.isEmpty()) {
      return l == null ? List.of() : List.of(l);
    }
    if (l == null) {
      return route.stream().map(h -> h.toLowerCase(Locale.ROOT)).distinct().toList();
    }
    Set<String> out = new LinkedHashSet<>();
    for (String raw : route) {
      String h = raw.toLowerCase(Locale.ROOT);
      if (h.equals(l)) {
        out.add(h);
      } else if (wildcard(l) && covers(l, h)) {
        out.add(h); // the route's name is the more specific
      } else if (wildcard(h) && covers(h, l)) {
        out.add(l); // the listener's name is the more specific
      }
    }
    return out.isEmpty() ? null : new ArrayList<>(out);
  }

  private static boolean wildcard(String h) {
    return h.startsWith("*.");
  }

  /**
   * True when wildcard {@code w} ({@code *.suffix}) covers {@code h}: a name with at least one more
   * label, or a narrower wildcard.
   */
  private static boolean covers(String w, String h) {
    String suffix = w.substring(1);
    String tail = wildcard(h) ? h.substring(1) : h;
    return tail.endsWith(suffix) && tail.length() > suffix.length();
  }
}
