package dev.agentgateway.model.ir;

import java.util.List;
import java.util.Objects;

/**
 * TLS to the upstream ({@code backendTLS}): whom to trust, which name to verify and send as SNI,
 * and an optional client certificate (mTLS). Certificates are PEM text.
 *
 * @param cert client certificate chain presented to the upstream (PEM), or {@code null}
 * @param key the client certificate's private key (PEM); set exactly when {@code cert} is
 * @param root CA certificates the upstream must chain to (PEM), or {@code null} for the JDK's
 *     trusted roots
 * @param hostname name sent as SNI and verified, or {@code null} for the upstream's host
 * @param insecure skip certificate verification entirely
 * @param insecureHost verify the chain but not the name
 * @param alpn ALPN protocols offered, empty to offer none beyond what the client speaks
 * @param subjectAltNames names (DNS or URI) the certificate may carry instead of the hostname
 */
public record BackendTlsPolicy(
    String cert,
    Secret key,
    String root,
    String hostname,
    boolean insecure,
    boolean insecureHost,
    List<String> alpn,
    List<String> subjectAltNames) {
  public BackendTlsPolicy {
    alpn = List.copyOf(Objects.requireNonNullElse(alpn, List.of()));
    subjectAltNames = List.copyOf(Objects.requireNonNullElse(subjectAltNames, List.of()));
    if ((cert == null) != (key == null)) {
      throw new IllegalArgumentException("cert and key must be set together");
    }
    if (cert != null) {
      ListenerTls.check("cert", () -> Pem.certificates(cert));
      ListenerTls.check("key", () -> Pem.privateKey(key.value()));
    }
    if (root != null) {
      ListenerTls.check("root", () -> Pem.certificates(root));
    }
    if (hostname != null && hostname.isBlank()) {
      throw new IllegalArgumentException("hostname must not be blank");
    }
  }
}
