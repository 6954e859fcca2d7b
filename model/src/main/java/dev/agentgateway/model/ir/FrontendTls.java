package dev.agentgateway.model.ir;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * TLS options for the HTTPS listeners a frontend policy targets ({@code frontend.tls}): each set
 * part replaces the listener's own; empty lists and nulls leave it alone.
 *
 * @param handshakeTimeout how long a client may take to finish the handshake (at least 100ms)
 * @param alpn ALPN protocols in preference order
 * @param cipherSuites allowed cipher suites (JSSE or IANA names)
 * @param minVersion lowest version accepted
 * @param maxVersion highest version accepted
 */
public record FrontendTls(
    Duration handshakeTimeout,
    List<String> alpn,
    List<String> cipherSuites,
    TlsVersion minVersion,
    TlsVersion maxVersion) {

  public FrontendTls {
    alpn = List.copyOf(Objects.requireNonNullElse(alpn, List.of()));
    cipherSuites = List.copyOf(Objects.requireNonNullElse(cipherSuites, List.of()));
    if (handshakeTimeout != null && handshakeTimeout.toMillis() < 100) {
      throw new IllegalArgumentException("handshakeTimeout must be at least 100ms");
    }
    if (minVersion != null && maxVersion != null && minVersion.compareTo(maxVersion) > 0) {
      throw new IllegalArgumentException(
          "minProtocolVersion " + minVersion + " is above maxProtocolVersion " + maxVersion);
    }
  }

  /** {@code tls} with these options in place of its own. */
  public ListenerTls applyTo(ListenerTls tls) {
    return new ListenerTls(
        tls.certChain(),
        tls.key(),
        tls.clientCa(),
        cipherSuites.isEmpty() ? tls.cipherSuites() : cipherSuites,
        minVersion != null ? minVersion : tls.minVersion(),
        maxVersion != null ? maxVersion : tls.maxVersion(),
        alpn.isEmpty() ? tls.alpn() : alpn,
        handshakeTimeout != null ? handshakeTimeout : tls.handshakeTimeout());
  }
}
