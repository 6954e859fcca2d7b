package dev.agentgateway.control.xds.tls;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the xDS certificate Secret holds: either a CA to sign serving certificates with, or a
 * serving certificate to use as it is (cert-manager and the like).
 */
sealed interface SecretContents {
  /** CA certificate key. */
  String CA_CRT = "ca.crt";

  /** CA private key key. */
  String CA_KEY = "ca.key";

  /** Serving (or CA) certificate key. */
  String TLS_CRT = "tls.crt";

  /** Serving (or CA) private key key. */
  String TLS_KEY = "tls.key";

  /** A CA: the controller signs its own short-lived serving certificates. */
  record Signing(CertificateAuthority ca) implements SecretContents {}

  /** A ready serving certificate, served until the Secret changes. */
  record Serving(ServingCertificate certificate) implements SecretContents {}

  /**
   * Reads a Secret's base64 {@code data} (with {@code stringData} as a fallback for objects not yet
   * normalized by an API server). Accepted shapes, in this order: {@code ca.crt + ca.key}; a {@code
   * tls.crt + tls.key} whose certificate is a CA; a serving {@code tls.crt + tls.key}.
   *
   * @throws IllegalArgumentException naming {@code secret} and the key at fault
   */
  static SecretContents parse(
      String secret, Map<String, String> data, Map<String, String> stringData) {
    Map<String, byte[]> values = new HashMap<>();
    if (stringData != null) {
      stringData.forEach((k, v) -> values.put(k, v.getBytes(StandardCharsets.UTF_8)));
    }
    if (data != null) {
      for (var e : data.entrySet()) {
        try {
          values.put(e.getKey(), Base64.getDecoder().decode(e.getValue()));
        } catch (IllegalArgumentException ex) {
          throw new IllegalArgumentException(
              "Secret " + secret + " " + e.getKey() + ": not base64");
        }
      }
    }
    try {
      if (values.containsKey(CA_CRT) && values.containsKey(CA_KEY)) {
        return new Signing(ca(values, CA_CRT, CA_KEY));
      }
      if (values.containsKey(TLS_CRT) && values.containsKey(TLS_KEY)) {
        List<X509Certificate> chain = Pem.certificates(values.get(TLS_CRT), TLS_CRT);
        if (CertificateAuthority.isCa(chain.getFirst())) {
          return new Signing(ca(values, TLS_CRT, TLS_KEY));
        }
        PrivateKey key = Pem.privateKey(values.get(TLS_KEY), TLS_KEY);
        if (!CertificateAuthority.matches(key, chain.getFirst().getPublicKey())) {
          throw new IllegalArgumentException(TLS_KEY + " does not belong to " + TLS_CRT);
        }
        return new Serving(new ServingCertificate(key, chain));
      }
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Secret " + secret + " " + e.getMessage(), e);
    }
    throw new IllegalArgumentException(
        "Secret "
            + secret
            + " holds neither ca.crt + ca.key nor tls.crt + tls.key (keys: "
            + values.keySet().stream().sorted().toList()
            + ")");
  }

  private static CertificateAuthority ca(Map<String, byte[]> values, String crt, String keyName) {
    X509Certificate certificate = Pem.certificates(values.get(crt), crt).getFirst();
    PrivateKey key = Pem.privateKey(values.get(keyName), keyName);
    if (!CertificateAuthority.matches(key, certificate.getPublicKey())) {
      throw new IllegalArgumentException(keyName + " does not belong to " + crt);
    }
    try {
      return new CertificateAuthority(certificate, key);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(crt + ": " + e.getMessage(), e);
    }
  }

  /** The Secret data (base64) of a generated CA. */
  static Map<String, String> encode(CertificateAuthority ca) {
    Base64.Encoder b64 = Base64.getEncoder();
    return Map.of(
        CA_CRT, b64.encodeToString(Pem.encode(List.of(ca.certificate()))),
        CA_KEY, b64.encodeToString(Pem.encode(ca.key())));
  }
}
