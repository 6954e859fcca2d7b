package dev.agentgateway.model.config;

import java.util.Locale;

/** Syntax checks for host names used in addresses, listeners and routes. */
final class Hostnames {
  private static final int MAX_NAME = 253;
  private static final int MAX_LABEL = 63;

  private Hostnames() {}

  /**
   * A hostname condition, lower-cased: exact or {@code *.suffix}; {@code *} (when {@code
   * anyAllowed}) or absent gives {@code null}, meaning any host.
   */
  static String read(ConfigNode node, boolean anyAllowed) {
    String text = node.text();
    if (text == null || (anyAllowed && text.equals("*"))) {
      return null;
    }
    if (!isHostnameMatch(text)) {
      node.error("invalid hostname (expected a DNS name or *.suffix)");
      return null;
    }
    return text.toLowerCase(Locale.ROOT);
  }

  /**
   * A DNS name (letters, digits, {@code -} and {@code _} in dot-separated labels) or an IPv4
   * address. {@code localhost} is a DNS name.
   */
  static boolean isDnsName(String name) {
    if (name.isEmpty() || name.length() > MAX_NAME) {
      return false;
    }
    for (String label : name.split("\\.", -1)) {
      if (!isLabel(label)) {
        return false;
      }
    }
    return true;
  }

  /** An exact name or a {@code *.}-prefixed wildcard, as route and listener hostnames allow. */
  static boolean isHostnameMatch(String name) {
    return isDnsName(name.startsWith("*.") ? name.substring(2) : name);
  }

  static boolean isIpv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String part : parts) {
      if (part.isEmpty()
          || part.length() > 3
          || !part.chars().allMatch(c -> c >= '0' && c <= '9')
          || Integer.parseInt(part) > 255) {
        return false;
      }
    }
    return true;
  }

  private static boolean isLabel(String label) {
    if (label.isEmpty() || label.length() > MAX_LABEL) {
      return false;
    }
    if (label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
      return false;
    }
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_';
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
