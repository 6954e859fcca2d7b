package dev.agentgateway.control.xds.tls;

import static dev.agentgateway.control.xds.tls.TestSecrets.NAMESPACE;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Two controllers creating the Secret at once: the loser uses the winner's CA. */
@EnableKubernetesMockClient
class XdsCertificateSourceRaceTest {
  private static final String SECRET_PATH =
      "/api/v1/namespaces/" + NAMESPACE + "/secrets/" + XdsTlsSettings.SECRET_NAME;

  static KubernetesMockServer server;
  static KubernetesClient client;

  @Test
  void createConflictRereadsAndUsesTheWinnersCa() {
    CertificateAuthority winner =
        CertificateAuthority.generate(Instant.now(), CertificateAuthority.CA_LIFETIME);
    server.expect().get().withPath(SECRET_PATH).andReturn(404, notFound()).once();
    server
        .expect()
        .post()
        .withPath("/api/v1/namespaces/" + NAMESPACE + "/secrets")
        .andReturn(
            409,
            new StatusBuilder()
                .withCode(409)
                .withReason("AlreadyExists")
                .withMessage("secrets \"" + XdsTlsSettings.SECRET_NAME + "\" already exists")
                .build())
        .once();
    server
        .expect()
        .get()
        .withPath(SECRET_PATH)
        .andReturn(200, TestSecrets.secret(SecretContents.encode(winner)))
        .always();

    try (XdsCertificateSource source =
        XdsCertificateSource.start(
            client,
            new XdsTlsSettings(
                XdsTlsSettings.Mode.TLS,
                NAMESPACE,
                XdsTlsSettings.SECRET_NAME,
                List.of("localhost"),
                Duration.ofHours(1)))) {
      assertEquals(winner.certificate(), source.current().chain().get(1));
    }
  }

  private static Object notFound() {
    return new StatusBuilder().withCode(404).withReason("NotFound").build();
  }
}
