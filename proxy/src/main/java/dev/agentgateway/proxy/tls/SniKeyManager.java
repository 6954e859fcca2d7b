package dev.agentgateway.proxy.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.function.Supplier;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * Serves the certificate of the listener the client's SNI names. Reads the bind's current
 * certificates on every handshake, so a config update swaps certificates without a restart.
 */
final class SniKeyManager extends X509ExtendedKeyManager {
  private final Supplier<ServerCertificates> certificates;

  SniKeyManager(Supplier<ServerCertificates> certificates) {
    this.certificates = certificates;
  }

  /** The host name the client asked for in its handshake, or {@code null}. */
  static String sni(SSLSession handshake) {
    if (handshake instanceof ExtendedSSLSession extended) {
      for (SNIServerName name : extended.getRequestedServerNames()) {
        if (name instanceof SNIHostName host) {
          return host.getAsciiName();
        }
      }
    }
    return null;
  }

  private String choose(String keyType, SSLSession handshake) {
    ServerCertificates.Entry entry = certificates.get().select(sni(handshake));
    if (entry == null || !entry.key().getAlgorithm().equals(keyType)) {
      return null;
    }
    return entry.alias();
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    return socket instanceof SSLSocket ssl ? choose(keyType, ssl.getHandshakeSession()) : null;
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return engine == null ? null : choose(keyType, engine.getHandshakeSession());
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    ServerCertificates.Entry entry = certificates.get().byAlias(alias);
    return entry == null ? null : entry.chain().clone();
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    ServerCertificates.Entry entry = certificates.get().byAlias(alias);
    return entry == null ? null : entry.key();
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    return certificates.get().entries().stream()
        .filter(e -> e.key().getAlgorithm().equals(keyType))
        .map(ServerCertificates.Entry::alias)
        .toArray(String[]::new);
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return null;
  }

  @Override
  public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
    return null;
  }
}
