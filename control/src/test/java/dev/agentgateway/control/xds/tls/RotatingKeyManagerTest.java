package dev.agentgateway.control.xds.tls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RotatingKeyManagerTest {
  private static final CertificateAuthority CA =
      CertificateAuthority.generate(Instant.now(), CertificateAuthority.CA_LIFETIME);

  private static ServingCertificate leaf() {
    return CA.sign(List.of("localhost"), Instant.now(), Duration.ofHours(1));
  }

  @Test
  void handshakeThatChoseBeforeASwapGetsAMatchingChainAndKey() {
    ServingCertificate first = leaf();
    ServingCertificate second = leaf();
    RotatingKeyManager manager = new RotatingKeyManager(first);
    String alias = manager.chooseEngineServerAlias("EC", null, null);

    manager.set(second);

    assertArrayEquals(
        first.chain().toArray(X509Certificate[]::new), manager.getCertificateChain(alias));
    assertEquals(first.key(), manager.getPrivateKey(alias));
    String next = manager.chooseEngineServerAlias("EC", null, null);
    assertNotEquals(alias, next);
    assertEquals(second.leaf(), manager.getCertificateChain(next)[0]);
    assertEquals(second.key(), manager.getPrivateKey(next));
  }

  @Test
  void offersItsKeyOnlyForItsKeyTypeAndNeverAsAClient() {
    RotatingKeyManager manager = new RotatingKeyManager(leaf());
    assertNull(manager.chooseServerAlias("RSA", null, null));
    assertNull(manager.chooseClientAlias(new String[] {"EC"}, null, null));
    assertNull(manager.getCertificateChain("agw-xds-unknown"));
  }
}
