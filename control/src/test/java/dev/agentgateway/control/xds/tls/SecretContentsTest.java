package dev.agentgateway.control.xds.tls;

import static dev.agentgateway.control.xds.tls.TestSecrets.b64;
import static dev.agentgateway.control.xds.tls.TestSecrets.data;
import static dev.agentgateway.control.xds.tls.TestSecrets.pem;
import static dev.agentgateway.control.xds.tls.TestSecrets.pkcs8;
import static dev.agentgateway.control.xds.tls.TestSecrets.traditional;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretContentsTest {
  private static final String NAME = "agw-system/agentgateway-xds-cert";
  private static final Instant NOW = Instant.now();
  private static final CertificateAuthority CA =
      CertificateAuthority.generate(NOW, CertificateAuthority.CA_LIFETIME);

  private static SecretContents parse(Map<String, String> data) {
    return SecretContents.parse(NAME, data, null);
  }

  private static String parseError(Map<String, String> data) {
    return assertThrows(IllegalArgumentException.class, () -> parse(data)).getMessage();
  }

  @Test
  void generatedCaRoundTripsAsASigningSecret() {
    SecretContents contents = parse(SecretContents.encode(CA));
    SecretContents.Signing signing = assertInstanceOf(SecretContents.Signing.class, contents);
    assertEquals(CA.certificate(), signing.ca().certificate());
    assertEquals(CA.key(), signing.ca().key());
  }

  @Test
  void tlsPairThatIsACaSignsLikeACaPair() {
    SecretContents contents =
        parse(data("tls.crt", pem(CA.certificate()), "tls.key", traditional(CA.key())));
    assertEquals(
        CA.certificate(),
        assertInstanceOf(SecretContents.Signing.class, contents).ca().certificate());
  }

  @Test
  void servingTlsPairWithItsCaIsServedAsItIs() {
    ServingCertificate leaf = CA.sign(List.of("xds.example"), NOW, Duration.ofDays(90));
    SecretContents contents =
        parse(
            data(
                "tls.crt", pem(leaf.leaf()),
                "tls.key", traditional(leaf.key()),
                "ca.crt", pem(CA.certificate())));
    ServingCertificate served =
        assertInstanceOf(SecretContents.Serving.class, contents).certificate();
    assertEquals(List.of(leaf.leaf()), served.chain());
    assertTrue(CertificateAuthority.matches(served.key(), leaf.leaf().getPublicKey()));
  }

  @Test
  void stringDataIsReadWhenDataIsAbsent() {
    Map<String, String> plain =
        Map.of(
            "ca.crt",
            new String(Pem.encode(List.of(CA.certificate())), StandardCharsets.US_ASCII),
            "ca.key",
            new String(Pem.encode(CA.key()), StandardCharsets.US_ASCII));
    assertInstanceOf(SecretContents.Signing.class, SecretContents.parse(NAME, null, plain));
  }

  @Test
  void keyOfAnotherCertificateIsRejectedByName() {
    CertificateAuthority other =
        CertificateAuthority.generate(NOW, CertificateAuthority.CA_LIFETIME);
    assertEquals(
        "Secret " + NAME + " ca.key does not belong to ca.crt",
        parseError(data("ca.crt", pem(CA.certificate()), "ca.key", pkcs8(other.key()))));
  }

  @Test
  void servingKeyOfAnotherCertificateIsRejectedByName() {
    ServingCertificate leaf = CA.sign(List.of("h"), NOW, Duration.ofDays(1));
    assertEquals(
        "Secret " + NAME + " tls.key does not belong to tls.crt",
        parseError(data("tls.crt", pem(leaf.leaf()), "tls.key", pkcs8(CA.key()))));
  }

  @Test
  void garbageIsRejectedByKeyWithoutQuotingIt() {
    String secretBytes = "not-a-cert-s3cr3t";
    assertEquals(
        "Secret " + NAME + " ca.crt: not a PEM certificate",
        parseError(
            data(
                "ca.crt",
                b64(secretBytes.getBytes(StandardCharsets.US_ASCII)),
                "ca.key",
                pkcs8(CA.key()))));
    String keyError =
        parseError(
            data(
                "ca.crt",
                pem(CA.certificate()),
                "ca.key",
                b64(
                    ("-----BEGIN PRIVATE KEY-----\n"
                            + "czNjcjN0czNjcjN0\n-----END PRIVATE KEY-----\n")
                        .getBytes(StandardCharsets.US_ASCII))));
    assertEquals("Secret " + NAME + " ca.key: not a valid PEM private key", keyError);
    assertFalse(keyError.contains("czNjcjN0"));
  }

  @Test
  void invalidBase64IsRejectedByKey() {
    assertEquals(
        "Secret " + NAME + " ca.crt: not base64",
        parseError(data("ca.crt", "%%%", "ca.key", pkcs8(CA.key()))));
  }

  @Test
  void secretWithoutKnownKeysIsRejectedListingItsKeys() {
    assertEquals(
        "Secret "
            + NAME
            + " holds neither ca.crt + ca.key nor tls.crt + tls.key (keys: [ca.crt, token])",
        parseError(data("token", b64(new byte[] {1}), "ca.crt", pem(CA.certificate()))));
  }

  @Test
  void caPairWhoseCertificateIsNoCaIsRejected() {
    ServingCertificate leaf = CA.sign(List.of("h"), NOW, Duration.ofDays(1));
    assertEquals(
        "Secret " + NAME + " ca.crt: certificate CN=agw-xds-server is not a CA",
        parseError(data("ca.crt", pem(leaf.leaf()), "ca.key", pkcs8(leaf.key()))));
  }
}
