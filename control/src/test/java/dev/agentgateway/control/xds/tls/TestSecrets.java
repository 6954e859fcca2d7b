package dev.agentgateway.control.xds.tls;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;

/** Builds xDS certificate Secrets of each shape for tests. */
final class TestSecrets {
  static final String NAMESPACE = "agw-system";

  private TestSecrets() {}

  static String b64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  static String pem(X509Certificate... certificates) {
    return b64(Pem.encode(List.of(certificates)));
  }

  static String pkcs8(PrivateKey key) {
    return b64(Pem.encode(key));
  }

  /**
   * The EC key in OpenSSL's traditional SEC1 form ({@code EC PRIVATE KEY}, curve named inside), as
   * cert-manager and openssl write it.
   */
  static String traditional(PrivateKey key) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      PrivateKeyInfo info = PrivateKeyInfo.getInstance(key.getEncoded());
      ECPrivateKey sec1 = ECPrivateKey.getInstance(info.parsePrivateKey());
      ASN1Encodable curve = info.getPrivateKeyAlgorithm().getParameters();
      writer.writeObject(
          new PemObject(
              "EC PRIVATE KEY", new ECPrivateKey(256, sec1.getKey(), curve).getEncoded()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return b64(out.toString().getBytes(StandardCharsets.US_ASCII));
  }

  static Map<String, String> data(String... keysAndValues) {
    Map<String, String> data = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      data.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return data;
  }

  static Secret secret(Map<String, String> data) {
    return new SecretBuilder()
        .withNewMetadata()
        .withName(XdsTlsSettings.SECRET_NAME)
        .withNamespace(NAMESPACE)
        .endMetadata()
        .withData(data)
        .build();
  }
}
