package dev.agentgateway.proxy.tls;

import dev.agentgateway.model.ir.Pem;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.List;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/** PKIX trust managers over in-memory CA certificates, or the JDK's default roots. */
final class TrustManagers {
  private TrustManagers() {}

  /** Trusts the CA certificates of {@code pem}; {@code null} means the JDK's default roots. */
  static X509ExtendedTrustManager of(String pem) {
    try {
      KeyStore store = null;
      if (pem != null) {
        store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        List<X509Certificate> cas = Pem.certificates(pem);
        for (int i = 0; i < cas.size(); i++) {
          store.setCertificateEntry("ca" + i, cas.get(i));
        }
      }
      TrustManagerFactory factory =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      factory.init(store);
      for (TrustManager tm : factory.getTrustManagers()) {
        if (tm instanceof X509ExtendedTrustManager x509) {
          return x509;
        }
      }
      throw new IllegalStateException("no X509 trust manager");
    } catch (GeneralSecurityException | java.io.IOException e) {
      throw new IllegalArgumentException("cannot build a trust store: " + e.getMessage(), e);
    }
  }
}
