package dev.agentgateway.model.ir;

import java.util.Objects;

/**
 * A listener on a bind, selected by hostname.
 *
 * @param key unique key
 * @param bindKey the {@link Bind} this listener belongs to
 * @param name the listener's name (may be empty)
 * @param hostname the hostname it serves, possibly a {@code *.} wildcard, or {@code null} for any
 * @param protocol what it accepts
 */
public record Listener(
    String key, String bindKey, String name, String hostname, ListenerProtocol protocol) {
  public Listener {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(bindKey, "bindKey");
    name = Objects.requireNonNullElse(name, "");
    protocol = Objects.requireNonNullElse(protocol, ListenerProtocol.HTTP);
  }
}
