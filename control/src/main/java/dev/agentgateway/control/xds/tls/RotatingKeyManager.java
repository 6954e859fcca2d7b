package dev.agentgateway.control.xds.tls;

import java.net.Socket;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;

/**
 * A server key manager serving whichever certificate was set last. The TLS stack asks it once per
 * handshake, so a swap reaches new connections only: open connections, and the streams on them,
 * carry on with the certificate they were established with.
 */
public final class RotatingKeyManager extends X509ExtendedKeyManager {
  /**
   * The served certificate and the one before it, each under its own alias: a handshake asks for
   * the alias first and the chain and key after it, so a swap in between must not pair one
   * certificate's chain with another's key.
   */
  private record Entries(long generation, ServingCertificate current, ServingCertificate previous) {
    String alias() {
      return "agw-xds-" + generation;
    }

    ServingCertificate byAlias(String alias) {
      if (alias().equals(alias)) {
        return current;
      }
      return previous != null && ("agw-xds-" + (generation - 1)).equals(alias) ? previous : null;
    }
  }

  private final AtomicReference<Entries> entries;

  /** Starts serving {@code initial}. */
  public RotatingKeyManager(ServingCertificate initial) {
    entries =
        new AtomicReference<>(new Entries(0, Objects.requireNonNull(initial, "initial"), null));
  }

  /** Serves {@code next} to handshakes from now on. */
  public void set(ServingCertificate next) {
    Objects.requireNonNull(next, "next");
    entries.updateAndGet(e -> new Entries(e.generation() + 1, next, e.current()));
  }

  /** The certificate new handshakes get. */
  public ServingCertificate current() {
    return entries.get().current();
  }

  @Override
  public String chooseEngineServerAlias(String keyType, Principal[] issuers, SSLEngine engine) {
    return chooseServerAlias(keyType, issuers, null);
  }

  @Override
  public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
    // The JDK asks per key type (EC, RSA, ...); answering only for ours lets it pick cipher
    // suites the key can actually sign for.
    Entries e = entries.get();
    return keyType.equals(e.current().key().getAlgorithm()) ? e.alias() : null;
  }

  @Override
  public String[] getServerAliases(String keyType, Principal[] issuers) {
    String alias = chooseServerAlias(keyType, issuers, null);
    return alias == null ? null : new String[] {alias};
  }

  @Override
  public X509Certificate[] getCertificateChain(String alias) {
    ServingCertificate c = entries.get().byAlias(alias);
    return c == null ? null : c.chain().toArray(X509Certificate[]::new);
  }

  @Override
  public PrivateKey getPrivateKey(String alias) {
    ServingCertificate c = entries.get().byAlias(alias);
    return c == null ? null : c.key();
  }

  @Override
  public String chooseClientAlias(String[] keyTypes, Principal[] issuers, Socket socket) {
    return null; // server side only
  }

  @Override
  public String[] getClientAliases(String keyType, Principal[] issuers) {
    return null;
  }
}
