package dev.agentgateway.control.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.control.config.ControllerSettings;
import dev.agentgateway.control.testing.GatewayApiObjects;
import dev.agentgateway.control.translate.Infrastructure;
import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.control.xds.server.XdsPublisher;
import dev.agentgateway.crds.common.ConditionStatus;
import dev.agentgateway.crds.policy.AgentgatewayPolicy;
import dev.agentgateway.model.ir.PathMatch;
import dev.agentgateway.model.ir.Policy;
import dev.agentgateway.model.ir.PolicyTarget;
import dev.agentgateway.model.ir.Route;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** The translation loop re-translates only the Gateways a change touches. */
@EnableKubernetesMockClient(crud = true)
class SyncerTest {
  private static final String CONTROLLER = ControllerSettings.DEFAULT_CONTROLLER_NAME;

  KubernetesClient client;

  @Test
  void aRouteEditRetranslatesOnlyItsGateway() throws Exception {
    client.resource(GatewayApiObjects.ourClass()).create();
    for (String gw : List.of("a", "b")) {
      client.resource(GatewayApiObjects.httpGateway("apps", gw, 8080)).create();
      client.resource(route(gw, "/" + gw)).create();
    }
    try (XdsPublisher publisher = new XdsPublisher(Duration.ZERO);
        Syncer syncer = syncer(publisher, () -> true)) {
      syncer.start();
      assertTrue(
          eventually(() -> prefix(syncer, "a").equals("/a") && prefix(syncer, "b").equals("/b")));
      long full = syncer.fullTranslations();
      long before = syncer.translations();

      // The controller writes the route's status concurrently: retry on a conflict, as any client.
      for (int attempt = 0; ; attempt++) {
        try {
          client
              .resources(HTTPRoute.class)
              .inNamespace("apps")
              .withName("to-a")
              .edit(
                  r -> {
                    r.getSpec().getRules().get(0).getMatches().get(0).getPath().setValue("/a2");
                    return r;
                  });
          break;
        } catch (KubernetesClientException e) {
          if (e.getCode() != 409 || attempt == 5) {
            throw e;
          }
        }
      }

      assertTrue(eventually(() -> prefix(syncer, "a").equals("/a2")), "the edit was translated");
      assertEquals(full, syncer.fullTranslations(), "no full translation for a route edit");
      assertTrue(syncer.translations() > before);
      assertEquals("/b", prefix(syncer, "b"), "the other Gateway's routes are kept");
      assertTrue(
          eventually(
              () -> {
                HTTPRoute r =
                    client.resources(HTTPRoute.class).inNamespace("apps").withName("to-b").get();
                return r.getStatus() != null && !r.getStatus().getParents().isEmpty();
              }),
          "the other Gateway's route status is still written");
    }
  }

  @Test
  void aStatusConflictRewritesTheLastTranslationWithoutTranslating() throws Exception {
    client.resource(GatewayApiObjects.ourClass()).create();
    client.resource(GatewayApiObjects.httpGateway("apps", "a", 8080)).create();
    client.resource(route("a", "/a")).create();
    AtomicBoolean leader = new AtomicBoolean(false);
    try (XdsPublisher publisher = new XdsPublisher(Duration.ZERO);
        Syncer syncer = syncer(publisher, leader::get)) {
      syncer.start();
      assertTrue(eventually(() -> prefix(syncer, "a").equals("/a")));
      long translations = syncer.translations();
      // Not leading, nothing was written; a conflict's retry must write what was translated.
      leader.set(true);
      syncer.statusConflicted();
      assertTrue(
          eventually(
              () -> {
                HTTPRoute r =
                    client.resources(HTTPRoute.class).inNamespace("apps").withName("to-a").get();
                return r.getStatus() != null && !r.getStatus().getParents().isEmpty();
              }),
          "the route status is written from the last translation");
      assertEquals(translations, syncer.translations(), "nothing was translated again");
    }
  }

  @Test
  void policiesArePublishedWithTheirGatewayAndABrokenOneIsRefusedAlone() throws Exception {
    client.resource(GatewayApiObjects.ourClass()).create();
    client.resource(GatewayApiObjects.httpGateway("apps", "a", 8080)).create();
    client
        .resource(policy("budget", "rateLimit: {local: [{requests: 10, unit: Seconds}]}"))
        .create();
    client
        .resource(policy("broken", "authorization: {policy: {matchExpressions: ['jwt.sub ==']}}"))
        .create();
    try (XdsPublisher publisher = new XdsPublisher(Duration.ZERO);
        Syncer syncer = syncer(publisher, () -> true)) {
      syncer.start();
      assertTrue(
          eventually(() -> accepted("budget").equals("True") && accepted("broken").equals("False")),
          "both statuses are written");
      List<Policy> published =
          syncer.last().resources().get(new GatewayKey("apps", "a")).stream()
              .filter(Policy.class::isInstance)
              .map(Policy.class::cast)
              .toList();
      assertEquals(1, published.size(), "only the valid policy is published");
      assertEquals(
          new PolicyTarget(PolicyTarget.Kind.GATEWAY, "apps/a", null), published.get(0).target());
      String message =
          client
              .resources(AgentgatewayPolicy.class)
              .inNamespace("apps")
              .withName("broken")
              .get()
              .getStatus()
              .ancestors()
              .get(0)
              .conditions()
              .stream()
              .filter(c -> c.type().equals("Accepted"))
              .findFirst()
              .orElseThrow()
              .message();
      assertTrue(
          message.contains("traffic.authorization.policy.matchExpressions[0]: invalid CEL"),
          message);

      // Nothing changed: a new translation writes no status (once the first writes are all in).
      assertTrue(
          eventually(
              () ->
                  client
                              .resources(Gateway.class)
                              .inNamespace("apps")
                              .withName("a")
                              .get()
                              .getStatus()
                          != null
                      && client
                              .resources(GatewayClass.class)
                              .withName(GatewayApiObjects.CLASS)
                              .get()
                              .getStatus()
                          != null
                      && syncer.statusWrites() == 4),
          "the class, the Gateway and both policies are written once");
      long writes = syncer.statusWrites();
      long translations = syncer.translations();
      syncer.changed();
      assertTrue(eventually(() -> syncer.translations() > translations));
      assertEquals(writes, syncer.statusWrites(), "an unchanged status is not written again");
    }
  }

  @Test
  void aPolicyWaitsForItsSecretAndFollowsItsChanges() throws Exception {
    client.resource(GatewayApiObjects.ourClass()).create();
    client.resource(GatewayApiObjects.httpGateway("apps", "a", 8080)).create();
    client.resource(policy("keys", "apiKeyAuthentication: {secretRef: {name: api-keys}}")).create();
    try (XdsPublisher publisher = new XdsPublisher(Duration.ZERO);
        Syncer syncer = syncer(publisher, () -> true)) {
      syncer.start();
      assertTrue(eventually(() -> accepted("keys").equals("False")), "refused without its Secret");
      String message = acceptedMessage("keys");
      assertTrue(
          message.contains(
              "traffic.apiKeyAuthentication.secretRef: Secret apps/api-keys not found"),
          message);

      client.resource(secret("api-keys", "k-1")).create();
      assertTrue(eventually(() -> "k-1".equals(publishedKey(syncer))), "applied once it exists");
      assertTrue(eventually(() -> accepted("keys").equals("True")), "and accepted");

      client.resource(secret("api-keys", "k-2")).update();
      assertTrue(eventually(() -> "k-2".equals(publishedKey(syncer))), "a new key is published");
      assertTrue(!acceptedMessage("keys").contains("k-2"), "no secret value in status");
    }
  }

  private static io.fabric8.kubernetes.api.model.Secret secret(String name, String key) {
    return new io.fabric8.kubernetes.api.model.SecretBuilder()
        .withNewMetadata()
        .withNamespace("apps")
        .withName(name)
        .endMetadata()
        .addToData(
            "client",
            java.util.Base64.getEncoder()
                .encodeToString(key.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .build();
  }

  private static String publishedKey(Syncer syncer) {
    if (syncer.last() == null) {
      return null;
    }
    return syncer.last().resources().getOrDefault(new GatewayKey("apps", "a"), List.of()).stream()
        .filter(Policy.class::isInstance)
        .map(p -> ((Policy) p).policy().apiKey())
        .filter(java.util.Objects::nonNull)
        .map(k -> k.keys().get(0).value().value())
        .findFirst()
        .orElse(null);
  }

  private String acceptedMessage(String policy) {
    return client
        .resources(AgentgatewayPolicy.class)
        .inNamespace("apps")
        .withName(policy)
        .get()
        .getStatus()
        .ancestors()
        .get(0)
        .conditions()
        .stream()
        .filter(c -> c.type().equals("Accepted"))
        .findFirst()
        .orElseThrow()
        .message();
  }

  private String accepted(String policy) {
    AgentgatewayPolicy p =
        client.resources(AgentgatewayPolicy.class).inNamespace("apps").withName(policy).get();
    if (p == null || p.getStatus() == null || p.getStatus().ancestors() == null) {
      return "";
    }
    return p.getStatus().ancestors().get(0).conditions().stream()
        .filter(c -> c.type().equals("Accepted"))
        .map(c -> c.status() == ConditionStatus.TRUE ? "True" : "False")
        .findFirst()
        .orElse("");
  }

  private AgentgatewayPolicy policy(String name, String traffic) {
    return client
        .getKubernetesSerialization()
        .unmarshal(
            """
            apiVersion: agentgateway.dev/v1alpha1
            kind: AgentgatewayPolicy
            metadata: {name: %s, namespace: apps}
            spec:
              targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: a}]
              traffic: {%s}
            """
                .formatted(name, traffic),
            AgentgatewayPolicy.class);
  }

  private Syncer syncer(XdsPublisher publisher, BooleanSupplier leader) {
    return new Syncer(
        client,
        CONTROLLER,
        false,
        List.of(),
        publisher,
        (gateway, cache) -> Infrastructure.PENDING,
        leader,
        Duration.ofMillis(20));
  }

  private static String prefix(Syncer syncer, String gateway) {
    if (syncer.last() == null) {
      return "";
    }
    return syncer
        .last()
        .resources()
        .getOrDefault(new GatewayKey("apps", gateway), List.of())
        .stream()
        .filter(Route.class::isInstance)
        .map(Route.class::cast)
        .map(r -> r.matches().get(0).path())
        .map(p -> p instanceof PathMatch.Prefix prefix ? prefix.value() : p.toString())
        .findFirst()
        .orElse("");
  }

  private static HTTPRoute route(String gateway, String path) {
    return new HTTPRouteBuilder()
        .withNewMetadata()
        .withNamespace("apps")
        .withName("to-" + gateway)
        .endMetadata()
        .withNewSpec()
        .addNewParentRef()
        .withName(gateway)
        .endParentRef()
        .addNewRule()
        .addNewMatch()
        .withNewPath()
        .withType("PathPrefix")
        .withValue(path)
        .endPath()
        .endMatch()
        .endRule()
        .endSpec()
        .build();
  }

  private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return condition.getAsBoolean();
  }
}
