package dev.agentgateway.control.xds.cache;

import java.util.Objects;

/**
 * Identifies one Gateway, the unit a proxy subscribes as; printed as {@code <namespace>/<name>}.
 */
public record GatewayKey(String namespace, String name) {

  /** Validates both parts: non-blank and free of the separators used by roles and keys. */
  public GatewayKey {
    namespace = part("namespace", namespace);
    name = part("name", name);
  }

  /**
   * Parses the xDS node metadata {@code role}, {@code <namespace>~<gateway>}.
   *
   * @throws IllegalArgumentException naming the role and what is wrong with it
   */
  public static GatewayKey fromRole(String role) {
    if (role == null || role.isBlank()) {
      throw new IllegalArgumentException("node role is missing; expected <namespace>~<gateway>");
    }
    int tilde = role.indexOf('~');
    if (tilde < 0 || role.indexOf('~', tilde + 1) >= 0) {
      throw new IllegalArgumentException(
          "node role '" + role + "' must be <namespace>~<gateway> with exactly one '~'");
    }
    String namespace = role.substring(0, tilde);
    String name = role.substring(tilde + 1);
    if (namespace.isBlank() || name.isBlank()) {
      throw new IllegalArgumentException(
          "node role '"
              + role
              + "' has an empty namespace or gateway; expected <namespace>~<gateway>");
    }
    try {
      return new GatewayKey(namespace, name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("node role '" + role + "': " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return namespace + "/" + name;
  }

  private static String part(String field, String value) {
    Objects.requireNonNull(value, field);
    if (value.isBlank()) {
      throw new IllegalArgumentException("gateway " + field + " must not be blank");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '/' || c == '~' || Character.isWhitespace(c)) {
        throw new IllegalArgumentException(
            "gateway " + field + " '" + value + "' must not contain '/', '~' or whitespace");
      }
    }
    return value;
  }
}
