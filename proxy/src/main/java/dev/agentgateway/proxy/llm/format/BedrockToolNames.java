package dev.agentgateway.proxy.llm.format;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Tool names as sent to Bedrock, which allows only {@code [a-zA-Z0-9_-]{1,64}}, and the way back to
 * the client's names. Built per request from every name the request uses; names that are already
 * valid are kept, so the mapping is usually the identity. Immutable.
 */
public final class BedrockToolNames {
  /** No renamed tools. */
  public static final BedrockToolNames NONE = new BedrockToolNames(Map.of(), Map.of());

  static final int MAX_LENGTH = 64;

  private final Map<String, String> toBedrock;
  private final Map<String, String> toClient;

  private BedrockToolNames(Map<String, String> toBedrock, Map<String, String> toClient) {
    this.toBedrock = toBedrock;
    this.toClient = toClient;
  }

  /** Assigns a valid, distinct Bedrock name to each client name. */
  public static BedrockToolNames of(Collection<String> clientNames) {
    Map<String, String> forward = new HashMap<>();
    Map<String, String> back = new HashMap<>();
    Set<String> used = new HashSet<>();
    // valid names first, so a sanitised name never takes a name the client really uses
    for (String name : clientNames) {
      if (valid(name) && used.add(name)) {
        forward.put(name, name);
      }
    }
    for (String name : clientNames) {
      if (forward.containsKey(name)) {
        continue;
      }
      String base = sanitise(name);
      String candidate = base;
      for (int n = 2; !used.add(candidate); n++) {
        String suffix = "_" + n;
        candidate =
            base.substring(0, Math.min(base.length(), MAX_LENGTH - suffix.length())) + suffix;
      }
      forward.put(name, candidate);
      back.put(candidate, name);
    }
    return back.isEmpty() ? NONE : new BedrockToolNames(Map.copyOf(forward), Map.copyOf(back));
  }

  /** The name to send to Bedrock. */
  public String toBedrock(String clientName) {
    String mapped = toBedrock.get(clientName);
    return mapped != null ? mapped : clientName;
  }

  /** The client's name for a name Bedrock answered with. */
  public String toClient(String bedrockName) {
    String mapped = toClient.get(bedrockName);
    return mapped != null ? mapped : bedrockName;
  }

  static boolean valid(String name) {
    if (name.isEmpty() || name.length() > MAX_LENGTH) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (!allowed(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static String sanitise(String name) {
    StringBuilder b = new StringBuilder(Math.min(name.length(), MAX_LENGTH));
    for (int i = 0; i < name.length() && b.length() < MAX_LENGTH; i++) {
      char c = name.charAt(i);
      b.append(allowed(c) ? c : '_');
    }
    return b.isEmpty() ? "tool" : b.toString();
  }

  private static boolean allowed(char c) {
    return (c >= 'a' && c <= 'z')
        || (c >= 'A' && c <= 'Z')
        || (c >= '0' && c <= '9')
        || c == '_'
        || c == '-';
  }
}
