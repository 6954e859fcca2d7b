package dev.agentgateway.model.ir;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How an HTTPS listener terminates TLS. Certificates travel as PEM text, so the controller can send
 * them inline over xDS as upstream does.
 *
 * @param certChain the serving certificate chain, leaf first (PEM)
 * @param key the serving certificate's private key (PEM)
 * @param clientCa CA certificates client certificates must chain to (PEM); when set, a client
 *     certificate is required (mTLS); {@code null} for one-way TLS
 * @param cipherSuites allowed cipher suites (JSSE or IANA names), empty for the JDK defaults
 * @param minVersion lowest version accepted, or {@code null} for TLS 1.2
 * @param maxVersion highest version accepted, or {@code null} for TLS 1.3
 * @param alpn protocols offered by ALPN in preference order, empty for {@code h2, http/1.1}
 * @param handshakeTimeout how long a client may take to finish the handshake, or {@code null} for
 *     the default (15s, as upstream)
 */
public record ListenerTls(
    String certChain,
    Secret key,
    String clientCa,
    List<String> cipherSuites,
    TlsVersion minVersion,
    TlsVersion maxVersion,
    List<String> alpn,
    Duration handshakeTimeout) {

  /** Upstream's default {@code frontendPolicies.tls.handshakeTimeout}. */
  public static final Duration DEFAULT_HANDSHAKE_TIMEOUT = Duration.ofSeconds(15);

  /** ALPN when none is configured. */
  public static final List<String> DEFAULT_ALPN = List.of("h2", "http/1.1");

  public ListenerTls {
    Objects.requireNonNull(certChain, "certChain");
    Objects.requireNonNull(key, "key");
    cipherSuites = List.copyOf(Objects.requireNonNullElse(cipherSuites, List.of()));
    alpn = List.copyOf(Objects.requireNonNullElse(alpn, List.of()));
    check("cert", () -> Pem.certificates(certChain));
    check("key", () -> Pem.privateKey(key.value()));
    if (clientCa != null) {
      check("root", () -> Pem.certificates(clientCa));
    }
    if (minVersion != null && maxVersion != null && minVersion.compareTo(maxVersion) > 0) {
      throw new IllegalArgumentException(
          "minVersion " + minVersion + " is above maxVersion " + maxVersion);
    }
    if (handshakeTimeout != null && (handshakeTimeout.isNegative() || handshakeTimeout.isZero())) {
      throw new IllegalArgumentException("handshakeTimeout must be positive");
    }
  }

  /** The handshake timeout in effect. */
  public Duration effectiveHandshakeTimeout() {
    return handshakeTimeout != null ? handshakeTimeout : DEFAULT_HANDSHAKE_TIMEOUT;
  }

  /** The ALPN protocols in effect. */
  public List<String> effectiveAlpn() {
    return alpn.isEmpty() ? DEFAULT_ALPN : alpn;
  }

  /** This configuration with {@code timeout} as its handshake timeout. */
  public ListenerTls withHandshakeTimeout(Duration timeout) {
    return new ListenerTls(
        certChain, key, clientCa, cipherSuites, minVersion, maxVersion, alpn, timeout);
  }

  /** Runs a PEM check; its error names the field ({@code cert}, {@code key}, {@code root}). */
  static void check(String field, Runnable parse) {
    try {
      parse.run();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(field + ": " + e.getMessage(), e);
    }
  }
}
