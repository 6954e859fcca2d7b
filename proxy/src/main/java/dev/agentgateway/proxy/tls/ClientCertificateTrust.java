package dev.agentgateway.proxy.tls;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javax.net.ssl.SSLSession;

/**
 * Checks client certificates against the client CA of the listener the SNI names. A listener
 * without a CA on a bind that requires client certificates accepts one that any of the bind's CAs
 * issued (the bind cannot ask some clients and not others, so it fails closed).
 */
final class ClientCertificateTrust extends OneWayTrustManager {
  private final Supplier<ServerCertificates> certificates;

  ClientCertificateTrust(Supplier<ServerCertificates> certificates) {
    super(true);
    this.certificates = certificates;
  }

  @Override
  void check(X509Certificate[] chain, String authType, SSLSession handshake)
      throws CertificateException {
    ServerCertificates current = certificates.get();
    ServerCertificates.Entry entry = current.select(SniKeyManager.sni(handshake));
    if (entry != null && entry.clientTrust() != null) {
      entry.clientTrust().checkClientTrusted(chain, authType);
      return;
    }
    CertificateException last = new CertificateException("no client CA configured");
    for (ServerCertificates.Entry e : current.entries()) {
      if (e.clientTrust() != null) {
        try {
          e.clientTrust().checkClientTrusted(chain, authType);
          return;
        } catch (CertificateException ex) {
          last = ex;
        }
      }
    }
    throw last;
  }

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    List<X509Certificate> all = new ArrayList<>();
    for (ServerCertificates.Entry e : certificates.get().entries()) {
      if (e.clientTrust() != null) {
        all.addAll(List.of(e.clientTrust().getAcceptedIssuers()));
      }
    }
    return all.toArray(X509Certificate[]::new);
  }
}
