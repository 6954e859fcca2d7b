package dev.agentgateway.proxy.mcp.mux;

import dev.agentgateway.model.ir.Backend;

/**
 * How target names qualify tool and prompt names ({@code <target>_<name>}) and resource URIs
 * ({@code <target>+<uri>}). Target names cannot contain {@code _} (the IR refuses them), so the
 * first {@code _} always ends the target.
 */
final class Names {
  private Names() {}

  /** Whether names carry their target under {@code mode} with {@code targets} targets. */
  static boolean prefixed(Backend.Mcp.PrefixMode mode, int targets) {
    return switch (mode) {
      case ALWAYS -> true;
      case NEVER -> false;
      case CONDITIONAL -> targets > 1;
    };
  }

  static String qualify(String target, String name) {
    return target + "_" + name;
  }

  /** The target of a qualified name, or null when it has none. */
  static String targetOf(String qualified) {
    int i = qualified.indexOf('_');
    return i <= 0 ? null : qualified.substring(0, i);
  }

  /** The name without its target. */
  static String unqualified(String qualified) {
    return qualified.substring(qualified.indexOf('_') + 1);
  }

  static String qualifyUri(String target, String uri) {
    return target + "+" + uri;
  }

  /** The target of a qualified URI, or null when it has none. */
  static String targetOfUri(String qualified) {
    int plus = qualified.indexOf('+');
    int colon = qualified.indexOf(':');
    // A '+' inside the scheme (e.g. "svn+ssh:") is not ours: ours comes before any ':'.
    return plus <= 0 || (colon >= 0 && colon < plus) ? null : qualified.substring(0, plus);
  }

  static String unqualifiedUri(String qualified) {
    return qualified.substring(qualified.indexOf('+') + 1);
  }
}
