package dev.agentgateway.control.xds.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;

class CertificateAuthorityTest {
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

  static X509TrustManager trusting(X509Certificate ca) throws Exception {
    KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
    store.load(null, null);
    store.setCertificateEntry("ca", ca);
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    return (X509TrustManager) factory.getTrustManagers()[0];
  }

  private static Set<String> sans(X509Certificate c) throws Exception {
    return c.getSubjectAlternativeNames().stream()
        .map(san -> san.get(0) + ":" + san.get(1))
        .collect(Collectors.toSet());
  }

  @Test
  void generatedCaIsASelfSignedP256CaForTenYears() throws Exception {
    CertificateAuthority ca = CertificateAuthority.generate(NOW, CertificateAuthority.CA_LIFETIME);
    X509Certificate c = ca.certificate();
    assertEquals("CN=agw-xds-ca", c.getSubjectX500Principal().getName());
    assertEquals(c.getSubjectX500Principal(), c.getIssuerX500Principal());
    c.verify(c.getPublicKey());
    assertEquals("EC", c.getPublicKey().getAlgorithm());
    assertTrue(c.getBasicConstraints() >= 0, "a CA");
    assertEquals(NOW.plus(Duration.ofDays(3650)), c.getNotAfter().toInstant());
  }

  @Test
  void signedLeafVerifiesAgainstTheCaWithItsHostsAndLifetime() throws Exception {
    CertificateAuthority ca = CertificateAuthority.generate(NOW, CertificateAuthority.CA_LIFETIME);
    ServingCertificate leaf =
        ca.sign(List.of("agentgateway.ns.svc", "127.0.0.1"), NOW, Duration.ofSeconds(30));
    X509Certificate c = leaf.leaf();

    assertEquals("CN=agw-xds-server", c.getSubjectX500Principal().getName());
    assertEquals(-1, c.getBasicConstraints(), "not a CA");
    assertEquals(
        Set.of("2:agentgateway.ns.svc", "7:127.0.0.1"), sans(c), "DNS (2) and IP (7) names");
    assertEquals(NOW.plusSeconds(30), leaf.notAfter());
    assertTrue(c.getNotBefore().toInstant().isBefore(NOW), "backdated for clock skew");
    assertTrue(c.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "serverAuth");
    assertTrue(CertificateAuthority.matches(leaf.key(), c.getPublicKey()));
    trusting(ca.certificate())
        .checkServerTrusted(leaf.chain().toArray(X509Certificate[]::new), "ECDHE_ECDSA");
  }

  @Test
  void eachLeafHasAFreshKeyAndSerial() {
    CertificateAuthority ca = CertificateAuthority.generate(NOW, CertificateAuthority.CA_LIFETIME);
    ServingCertificate a = ca.sign(List.of("h"), NOW, Duration.ofHours(1));
    ServingCertificate b = ca.sign(List.of("h"), NOW, Duration.ofHours(1));
    assertNotEquals(a.leaf().getSerialNumber(), b.leaf().getSerialNumber());
    assertNotEquals(a.leaf().getPublicKey(), b.leaf().getPublicKey());
  }

  @Test
  void leafOfAnotherCaIsNotTrusted() throws Exception {
    CertificateAuthority ca = CertificateAuthority.generate(NOW, CertificateAuthority.CA_LIFETIME);
    CertificateAuthority other =
        CertificateAuthority.generate(NOW, CertificateAuthority.CA_LIFETIME);
    X509Certificate[] chain =
        ca.sign(List.of("h"), NOW, Duration.ofHours(1)).chain().toArray(X509Certificate[]::new);
    X509TrustManager trust = trusting(other.certificate());
    assertThrows(CertificateException.class, () -> trust.checkServerTrusted(chain, "ECDHE_ECDSA"));
  }

  @Test
  void aLeafCannotActAsCa() {
    CertificateAuthority ca = CertificateAuthority.generate(NOW, CertificateAuthority.CA_LIFETIME);
    ServingCertificate leaf = ca.sign(List.of("h"), NOW, Duration.ofHours(1));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new CertificateAuthority(leaf.leaf(), leaf.key()));
    assertEquals("certificate CN=agw-xds-server is not a CA", e.getMessage());
  }

  @Test
  void toStringNamesTheCertificateNotTheKey() {
    CertificateAuthority ca = CertificateAuthority.generate(NOW, CertificateAuthority.CA_LIFETIME);
    ServingCertificate leaf = ca.sign(List.of("h"), NOW, Duration.ofHours(1));
    assertTrue(leaf.toString().startsWith("ServingCertificate[subject=CN=agw-xds-server, serial="));
    assertEquals("CertificateAuthority[subject=CN=agw-xds-ca]", ca.toString());
  }
}
