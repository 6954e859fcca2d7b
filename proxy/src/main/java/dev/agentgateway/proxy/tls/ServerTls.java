package dev.agentgateway.proxy.tls;

import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.ListenerProtocol;
import dev.agentgateway.model.ir.ListenerTls;
import dev.agentgateway.model.ir.TlsVersion;
import io.helidon.common.tls.Tls;
import io.helidon.common.tls.TlsClientAuth;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManager;

/**
 * TLS for one bind whose listeners are HTTPS. The handshake settings ({@link Settings}) are fixed
 * for the life of the port; certificates and client CAs are read per handshake from {@link
 * #update}, so rotating them needs no restart.
 */
public final class ServerTls {
  /**
   * What a running port cannot change: versions, cipher suites, client-certificate mode, ALPN and
   * the handshake timeout. Listeners sharing a bind that disagree get the strictest: the highest
   * minimum, the lowest maximum, the first cipher list given, the shortest handshake timeout, and
   * client certificates required when any listener requires them.
   */
  public record Settings(
      List<String> protocols,
      List<String> cipherSuites,
      boolean clientCertificates,
      List<String> alpn,
      Duration handshakeTimeout) {}

  private final Settings settings;
  private final AtomicReference<ServerCertificates> certificates;

  private ServerTls(Settings settings, ServerCertificates certificates) {
    this.settings = settings;
    this.certificates = new AtomicReference<>(certificates);
  }

  /** The TLS of a bind with {@code listeners}, or {@code null} when none is HTTPS. */
  public static ServerTls of(List<Listener> listeners) {
    Settings settings = settings(listeners);
    return settings == null ? null : new ServerTls(settings, ServerCertificates.of(listeners));
  }

  /** The fixed settings {@code listeners} need, or {@code null} when none is HTTPS. */
  public static Settings settings(List<Listener> listeners) {
    TlsVersion min = TlsVersion.TLS_1_2;
    TlsVersion max = TlsVersion.TLS_1_3;
    List<String> ciphers = List.of();
    List<String> alpn = null;
    boolean clientCerts = false;
    Duration timeout = null;
    for (Listener listener : listeners) {
      ListenerTls tls = listener.tls();
      if (listener.protocol() != ListenerProtocol.HTTPS || tls == null) {
        continue;
      }
      if (tls.minVersion() != null && tls.minVersion().compareTo(min) > 0) {
        min = tls.minVersion();
      }
      if (tls.maxVersion() != null && tls.maxVersion().compareTo(max) < 0) {
        max = tls.maxVersion();
      }
      if (ciphers.isEmpty()) {
        ciphers = tls.cipherSuites();
      }
      if (alpn == null) {
        alpn = tls.effectiveAlpn();
      }
      clientCerts |= tls.clientCa() != null;
      Duration t = tls.effectiveHandshakeTimeout();
      timeout = timeout == null || t.compareTo(timeout) < 0 ? t : timeout;
    }
    if (alpn == null) {
      return null;
    }
    List<String> protocols = new ArrayList<>();
    for (TlsVersion v : TlsVersion.values()) {
      if (v.compareTo(min) >= 0 && v.compareTo(max) <= 0) {
        protocols.add(v.jdkName());
      }
    }
    if (protocols.isEmpty()) {
      // Listeners whose ranges do not overlap: no version satisfies all, so serve the strictest.
      protocols.add(min.jdkName());
    }
    return new Settings(List.copyOf(protocols), ciphers, clientCerts, alpn, timeout);
  }

  public Settings settings() {
    return settings;
  }

  /** Serves the certificates of {@code listeners} from the next handshake on. */
  public void update(List<Listener> listeners) {
    certificates.set(ServerCertificates.of(listeners));
  }

  /** The Helidon TLS configuration of the bind's server. */
  public Tls helidonTls() {
    try {
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(
          new KeyManager[] {new SniKeyManager(certificates::get)},
          new TrustManager[] {new ClientCertificateTrust(certificates::get)},
          null);
      SSLParameters parameters = context.getDefaultSSLParameters();
      parameters.setProtocols(settings.protocols().toArray(String[]::new));
      if (!settings.cipherSuites().isEmpty()) {
        parameters.setCipherSuites(settings.cipherSuites().toArray(String[]::new));
      }
      parameters.setNeedClientAuth(settings.clientCertificates());
      parameters.setApplicationProtocols(settings.alpn().toArray(String[]::new));
      SSLContext timed =
          new HandshakeTimeoutContext(context, settings.handshakeTimeout(), parameters);
      return Tls.builder()
          .sslContext(timed)
          .enabledProtocols(settings.protocols())
          .enabledCipherSuites(settings.cipherSuites())
          .applicationProtocols(settings.alpn())
          .clientAuth(settings.clientCertificates() ? TlsClientAuth.REQUIRED : TlsClientAuth.NONE)
          .build();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
    }
  }
}
