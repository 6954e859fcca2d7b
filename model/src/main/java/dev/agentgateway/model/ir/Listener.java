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
 * @param tls how it terminates TLS; set exactly when {@code protocol} is HTTPS
 */
public record Listener(
    String key,
    String bindKey,
    String name,
    String hostname,
    ListenerProtocol protocol,
    ListenerTls tls) {
  public Listener {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(bindKey, "bindKey");
    name = Objects.requireNonNullElse(name, "");
    protocol = Objects.requireNonNullElse(protocol, ListenerProtocol.HTTP);
    if ((protocol == ListenerProtocol.HTTPS) != (tls != null)) {
      throw new IllegalArgumentException(
          "listener " + key + ": tls is required for HTTPS and allowed only there");
    }
  }

  /** A listener without TLS. */
  public Listener(
      String key, String bindKey, String name, String hostname, ListenerProtocol protocol) {
    this(key, bindKey, name, hostname, protocol, null);
  }
}
