package dev.agentgateway.model.ir;

import java.util.Objects;

/**
 * What a {@link Policy} attaches to.
 *
 * @param kind the kind of target
 * @param name the target's name (gateway, listener, route or backend name)
 * @param section an optional section (listener name, rule name), or {@code null}
 */
public record PolicyTarget(Kind kind, String name, String section) {
  public PolicyTarget {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
  }

  /**
   * Whether this (GATEWAY or LISTENER) target's name is {@code listenerKey} or a prefix of it
   * ending at a {@code /} or {@code .} boundary: a Gateway names its listeners and a ListenerSet
   * its own.
   */
  public boolean namesListener(String listenerKey) {
    if (!listenerKey.startsWith(name)) {
      return false;
    }
    if (listenerKey.length() == name.length()) {
      return true;
    }
    char next = listenerKey.charAt(name.length());
    return next == '/' || next == '.';
  }

  /** Target kinds, from least to most specific in merge precedence. */
  public enum Kind {
    GATEWAY,
    LISTENER,
    ROUTE,
    BACKEND
  }
}
