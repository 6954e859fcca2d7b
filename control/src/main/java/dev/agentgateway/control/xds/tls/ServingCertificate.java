package dev.agentgateway.control.xds.tls;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A key and the certificate chain served with it, leaf first.
 *
 * @param key the leaf's private key
 * @param chain the leaf, then any intermediates
 */
public record ServingCertificate(PrivateKey key, List<X509Certificate> chain) {

  /** Copies the chain; it must hold at least the leaf. */
  public ServingCertificate {
    Objects.requireNonNull(key, "key");
    chain = List.copyOf(chain);
    if (chain.isEmpty()) {
      throw new IllegalArgumentException("a serving certificate needs at least its leaf");
    }
  }

  /** The certificate presented to clients. */
  public X509Certificate leaf() {
    return chain.getFirst();
  }

  /** When the leaf expires. */
  public Instant notAfter() {
    return leaf().getNotAfter().toInstant();
  }

  @Override
  public String toString() {
    // Never the key: this may end up in a log line.
    return "ServingCertificate[subject="
        + leaf().getSubjectX500Principal().getName()
        + ", serial="
        + leaf().getSerialNumber().toString(16)
        + ", notAfter="
        + notAfter()
        + "]";
  }
}
