package dev.agentgateway.control.xds.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.control.xds.cache.GatewayKey;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.ServerSocket;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** TokenReviews against the fabric8 mock API server, which answers from a fixed token table. */
class TokenReviewAuthenticatorTest {
  static final String PATH = "/apis/authentication.k8s.io/v1/tokenreviews";

  private final List<TokenReview> received = new CopyOnWriteArrayList<>();
  private KubernetesMockServer k8s;
  private KubernetesClient client;

  @BeforeEach
  void setUp() {
    k8s = new KubernetesMockServer(false);
    k8s.init();
    client = k8s.createClient();
  }

  @AfterEach
  void tearDown() {
    client.close();
    k8s.destroy();
  }

  /** Answers every review with {@code status} (JSON) and records the request. */
  private void answer(TokenReviewStatusBuilder status) {
    k8s.expect()
        .post()
        .withPath(PATH)
        .andReply(
            201,
            request -> {
              TokenReview review =
                  Serialization.unmarshal(request.getUtf8Body(), TokenReview.class);
              received.add(review);
              review.setStatus(status.build());
              return Serialization.asJson(review);
            })
        .always();
  }

  @Test
  void acceptsAServiceAccountTokenAskingForTheAgentgatewayAudience() {
    answer(
        new TokenReviewStatusBuilder()
            .withAuthenticated(true)
            .withAudiences("agentgateway")
            .withNewUser()
            .withUsername("system:serviceaccount:team-a:gw")
            .endUser());

    Authentication verdict = new TokenReviewAuthenticator(client).authenticate("tok-1");

    assertEquals(new Authentication.Accepted(new GatewayKey("team-a", "gw")), verdict);
    assertEquals(1, received.size());
    assertEquals("tok-1", received.getFirst().getSpec().getToken());
    assertEquals(List.of("agentgateway"), received.getFirst().getSpec().getAudiences());
  }

  @Test
  void refusesAnUnauthenticatedTokenWithTheApiServersReason() {
    answer(new TokenReviewStatusBuilder().withAuthenticated(false).withError("token expired"));

    assertEquals(
        new Authentication.Refused("token not authenticated: token expired"),
        new TokenReviewAuthenticator(client).authenticate("old"));
  }

  @Test
  void refusesATokenMintedForAnotherAudience() {
    answer(
        new TokenReviewStatusBuilder()
            .withAuthenticated(true)
            .withAudiences("https://kubernetes.default.svc")
            .withNewUser()
            .withUsername("system:serviceaccount:team-a:gw")
            .endUser());

    assertEquals(
        new Authentication.Refused(
            "token audiences [https://kubernetes.default.svc] do not include agentgateway"),
        new TokenReviewAuthenticator(client).authenticate("api-token"));
  }

  @Test
  void refusesAUserThatIsNotAServiceAccount() {
    answer(
        new TokenReviewStatusBuilder()
            .withAuthenticated(true)
            .withNewUser()
            .withUsername("alice@example.com")
            .endUser());

    assertEquals(
        new Authentication.Refused("authenticated as alice@example.com, not a ServiceAccount"),
        new TokenReviewAuthenticator(client).authenticate("user-token"));
  }

  @Test
  void apiServerErrorIsUnavailableNotARefusal() {
    k8s.expect().post().withPath(PATH).andReturn(500, "boom").always();

    ReviewUnavailableException e =
        assertThrows(
            ReviewUnavailableException.class,
            () -> new TokenReviewAuthenticator(client).authenticate("secret-token"));
    assertTrue(e.getMessage().startsWith("TokenReview failed: HTTP 500"), e.getMessage());
    assertFalse(e.getMessage().contains("secret-token"), e.getMessage());
  }

  @Test
  void unreachableApiServerIsUnavailable() throws Exception {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    try (KubernetesClient unreachable =
        new KubernetesClientBuilder()
            .withConfig(
                new io.fabric8.kubernetes.client.ConfigBuilder()
                    .withMasterUrl("http://127.0.0.1:" + closedPort)
                    .withRequestRetryBackoffLimit(0)
                    .build())
            .build()) {
      ReviewUnavailableException e =
          assertThrows(
              ReviewUnavailableException.class,
              () -> new TokenReviewAuthenticator(unreachable).authenticate("secret-token"));
      assertTrue(e.getMessage().contains("unreachable"), e.getMessage());
      assertFalse(e.getMessage().contains("secret-token"), e.getMessage());
    }
  }

  @Test
  void parsesOnlyServiceAccountUsernames() {
    assertEquals(
        Optional.of(new GatewayKey("ns", "gw")),
        TokenReviewAuthenticator.serviceAccount("system:serviceaccount:ns:gw"));
    assertEquals(Optional.empty(), TokenReviewAuthenticator.serviceAccount(null));
    assertEquals(Optional.empty(), TokenReviewAuthenticator.serviceAccount("alice"));
    assertEquals(Optional.empty(), TokenReviewAuthenticator.serviceAccount("system:node:n1"));
    assertEquals(
        Optional.empty(), TokenReviewAuthenticator.serviceAccount("system:serviceaccount:"));
    assertEquals(
        Optional.empty(), TokenReviewAuthenticator.serviceAccount("system:serviceaccount:ns"));
    assertEquals(
        Optional.empty(), TokenReviewAuthenticator.serviceAccount("system:serviceaccount:ns:"));
    assertEquals(
        Optional.empty(), TokenReviewAuthenticator.serviceAccount("system:serviceaccount::gw"));
    assertEquals(
        Optional.empty(), TokenReviewAuthenticator.serviceAccount("system:serviceaccount:a:b:c"));
    assertEquals(
        Optional.empty(), TokenReviewAuthenticator.serviceAccount("system:serviceaccount:a b:gw"));
  }

  @Test
  void reviewWithoutStatusIsRefused() {
    assertEquals(
        new Authentication.Refused("TokenReview returned no status"),
        TokenReviewAuthenticator.judge(null));
  }
}
