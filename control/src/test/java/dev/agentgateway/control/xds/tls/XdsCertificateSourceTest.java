package dev.agentgateway.control.xds.tls;

import static dev.agentgateway.control.xds.tls.TestSecrets.NAMESPACE;
import static dev.agentgateway.control.xds.tls.TestSecrets.b64;
import static dev.agentgateway.control.xds.tls.TestSecrets.data;
import static dev.agentgateway.control.xds.tls.TestSecrets.pem;
import static dev.agentgateway.control.xds.tls.TestSecrets.traditional;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class XdsCertificateSourceTest {
  static KubernetesClient client;

  private static final XdsTlsSettings SETTINGS =
      new XdsTlsSettings(
          XdsTlsSettings.Mode.TLS,
          NAMESPACE,
          XdsTlsSettings.SECRET_NAME,
          List.of("agentgateway.agw-system.svc", "localhost"),
          Duration.ofHours(1));

  private XdsCertificateSource source;

  @BeforeEach
  @AfterEach
  void removeSecret() {
    if (source != null) {
      source.close();
      source = null;
    }
    client.secrets().inNamespace(NAMESPACE).withName(XdsTlsSettings.SECRET_NAME).delete();
  }

  private Secret stored() {
    return client.secrets().inNamespace(NAMESPACE).withName(XdsTlsSettings.SECRET_NAME).get();
  }

  private static CertificateAuthority caOf(Secret secret) {
    return assertInstanceOf(
            SecretContents.Signing.class,
            SecretContents.parse("s", secret.getData(), secret.getStringData()))
        .ca();
  }

  static void await(String what, BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }

  @Test
  void missingSecretIsCreatedWithAGeneratedCaThatSignsTheServedCertificate() throws Exception {
    source = XdsCertificateSource.start(client, SETTINGS);

    Secret secret = stored();
    assertNotNull(secret, "the Secret was created");
    assertEquals(
        Map.of("ca.crt", true, "ca.key", true),
        Map.of(
            "ca.crt", secret.getData().containsKey("ca.crt"),
            "ca.key", secret.getData().containsKey("ca.key")));
    assertEquals(2, secret.getData().size());
    CertificateAuthority ca = caOf(secret);
    assertEquals("CN=agw-xds-ca", ca.certificate().getSubjectX500Principal().getName());

    ServingCertificate served = source.current();
    CertificateAuthorityTest.trusting(ca.certificate())
        .checkServerTrusted(served.chain().toArray(X509Certificate[]::new), "ECDHE_ECDSA");
    assertEquals("CN=agw-xds-server", served.leaf().getSubjectX500Principal().getName());
  }

  @Test
  void existingSecretIsReusedByTheNextControllerStart() {
    source = XdsCertificateSource.start(client, SETTINGS);
    X509Certificate firstCa = caOf(stored()).certificate();
    X509Certificate firstLeaf = source.current().leaf();
    source.close();

    source = XdsCertificateSource.start(client, SETTINGS);
    assertEquals(firstCa, caOf(stored()).certificate(), "same CA in the Secret");
    assertEquals(
        firstCa.getSubjectX500Principal(), source.current().leaf().getIssuerX500Principal());
    assertNotEquals(firstLeaf.getSerialNumber(), source.current().leaf().getSerialNumber());
    assertEquals(
        firstCa,
        source.current().chain().get(1),
        "the new leaf is signed by the stored CA, not a new one");
  }

  @Test
  void replacedSecretIsPickedUpAndAServingCertificateServedAsItIs() throws Exception {
    source = XdsCertificateSource.start(client, SETTINGS);
    CertificateAuthority other =
        CertificateAuthority.generate(Instant.now(), CertificateAuthority.CA_LIFETIME);
    ServingCertificate managed =
        other.sign(List.of("xds.example"), Instant.now(), Duration.ofDays(90));

    client
        .resource(
            TestSecrets.secret(
                data(
                    "tls.crt", pem(managed.leaf()),
                    "tls.key", traditional(managed.key()),
                    "ca.crt", pem(other.certificate()))))
        .update();

    await(
        "the managed certificate is served", () -> source.current().leaf().equals(managed.leaf()));
    assertEquals(List.of(managed.leaf()), source.current().chain());
  }

  @Test
  void malformedSecretChangeKeepsServingThePreviousCertificate() throws Exception {
    source = XdsCertificateSource.start(client, SETTINGS);
    ServingCertificate before = source.current();

    client.resource(garbage()).update();
    source.resync();

    assertEquals(before, source.current(), "the last good certificate stays");
  }

  @Test
  void renewalByTheHeldCaGoesOnWhileTheSecretIsMalformed() throws Exception {
    source = XdsCertificateSource.start(client, SETTINGS.withLeafLifetime(Duration.ofSeconds(2)));
    X509Certificate ca = source.current().chain().get(1);
    client.resource(garbage()).update();
    source.resync();
    X509Certificate before = source.current().leaf();

    await("a renewed certificate", () -> !source.current().leaf().equals(before));
    assertEquals(ca, source.current().chain().get(1), "signed by the CA held before");
  }

  private static Secret garbage() {
    return TestSecrets.secret(
        data(
            "ca.crt", b64("garbage".getBytes(StandardCharsets.US_ASCII)),
            "ca.key", b64("garbage".getBytes(StandardCharsets.US_ASCII))));
  }

  @Test
  void malformedSecretAtStartIsAClearError() {
    client
        .resource(
            TestSecrets.secret(
                data("tls.crt", b64("garbage".getBytes(StandardCharsets.US_ASCII)), "tls.key", "")))
        .create();
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> XdsCertificateSource.start(client, SETTINGS));
    assertEquals(
        "Secret agw-system/agentgateway-xds-cert tls.crt: not a PEM certificate", e.getMessage());
  }

  @Test
  void signedCertificateIsRenewedAtHalfItsLifetime() throws Exception {
    source = XdsCertificateSource.start(client, SETTINGS.withLeafLifetime(Duration.ofSeconds(2)));
    X509Certificate first = source.current().leaf();
    await("a renewed certificate", () -> !source.current().leaf().equals(first));
    X509Certificate second = source.current().leaf();
    assertTrue(
        second.getNotAfter().after(first.getNotAfter()), "the renewal lives longer than the first");
    assertEquals(first.getIssuerX500Principal(), second.getIssuerX500Principal());
  }
}
