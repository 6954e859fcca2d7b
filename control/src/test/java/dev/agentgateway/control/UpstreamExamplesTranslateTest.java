package dev.agentgateway.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentgateway.control.config.ControllerSettings;
import dev.agentgateway.control.deploy.ParametersResolver;
import dev.agentgateway.control.deploy.ProxyPlan;
import dev.agentgateway.control.deploy.ProxyResources;
import dev.agentgateway.control.testing.GatewayApiObjects;
import dev.agentgateway.control.translate.Inputs;
import dev.agentgateway.control.translate.Translation;
import dev.agentgateway.control.translate.Translator;
import dev.agentgateway.crds.backend.AgentgatewayBackend;
import dev.agentgateway.crds.parameters.AgentgatewayParameters;
import dev.agentgateway.crds.testing.Crds;
import dev.agentgateway.model.ir.Route;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Upstream's documented manifests ({@code
 * ../shared/reference/upstream/examples/k8s-resources.yaml}) go through the controller as a user's
 * would: every AgentgatewayParameters provisions a proxy, and every AgentgatewayBackend a route
 * refers to either carries traffic (the sections implemented) or is refused in status with "not
 * supported yet" (or, for MCP selector targets, with no Service to select) — never an exception.
 */
class UpstreamExamplesTranslateTest {
  private static final KubernetesSerialization KUBE = new KubernetesSerialization();
  private static final String CONTROLLER = ControllerSettings.DEFAULT_CONTROLLER_NAME;

  private static List<JsonNode> examples(String kind) {
    return Crds.readAll(Crds.upstreamReference().resolve("examples/k8s-resources.yaml")).stream()
        .filter(n -> kind.equals(n.path("kind").asText()))
        .toList();
  }

  @Test
  void everyUpstreamParametersExampleProvisionsAProxy() {
    List<JsonNode> examples = examples("AgentgatewayParameters");
    assertFalse(examples.isEmpty());
    ControllerSettings settings = ControllerSettings.fromEnv(Map.of());
    GatewayClass gatewayClass = GatewayApiObjects.ourClass();
    for (JsonNode example : examples) {
      AgentgatewayParameters params = KUBE.convertValue(example, AgentgatewayParameters.class);
      String ns =
          params.getMetadata().getNamespace() == null
              ? "default"
              : params.getMetadata().getNamespace();
      Gateway gateway =
          new GatewayBuilder(GatewayApiObjects.httpGateway(ns, "gw", 8080))
              .editSpec()
              .withNewInfrastructure()
              .withNewParametersRef()
              .withGroup("agentgateway.dev")
              .withKind("AgentgatewayParameters")
              .withName(params.getMetadata().getName())
              .endParametersRef()
              .endInfrastructure()
              .endSpec()
              .build();
      var result =
          new ParametersResolver(
                  (n, name) -> name.equals(params.getMetadata().getName()) ? params : null)
              .resolve(gateway, gatewayClass);
      String what = "AgentgatewayParameters " + params.getMetadata().getName();
      ParametersResolver.Resolved resolved =
          assertInstanceOf(ParametersResolver.Resolved.class, result, what);
      ProxyPlan plan = ProxyResources.build(gateway, resolved.parameters(), settings, null);
      assertNotNull(plan.podTemplate().getSpec().getContainers().get(0).getImage(), what);
      assertTrue(plan.config().getData().get("config.yaml").startsWith("config:"), what);
    }
  }

  @Test
  void everyUpstreamBackendExampleTranslatesOrIsRefusedInStatus() {
    List<AgentgatewayBackend> backends = new ArrayList<>();
    List<HTTPRoute> routes = new ArrayList<>();
    for (JsonNode example : examples("AgentgatewayBackend")) {
      AgentgatewayBackend backend = KUBE.convertValue(example, AgentgatewayBackend.class);
      if (backend.getMetadata().getNamespace() == null) {
        backend.getMetadata().setNamespace("default");
      }
      backend.getMetadata().setName(backend.getMetadata().getName() + "-" + backends.size());
      backend.getMetadata().setGeneration(1L);
      backends.add(backend);
      routes.add(routeTo(backend, routes.size()));
    }
    assertFalse(backends.isEmpty());
    Translation t =
        Translator.translate(
            new Inputs(
                CONTROLLER,
                List.of(GatewayApiObjects.ourClass()),
                gateways(backends),
                List.of(),
                routes,
                List.of(),
                List.of(),
                List.of(),
                backends,
                List.of(),
                List.of(),
                Map.of(),
                false));

    int carried = 0;
    int refused = 0;
    for (AgentgatewayBackend backend : backends) {
      String ns = backend.getMetadata().getNamespace();
      String route = "to-" + backend.getMetadata().getName();
      List<Condition> conditions =
          t.httpRoutes().entrySet().stream()
              .filter(e -> e.getKey().namespace().equals(ns) && e.getKey().name().equals(route))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no status for route " + route))
              .getValue()
              .get(0)
              .getConditions();
      Condition resolved =
          conditions.stream()
              .filter(c -> "ResolvedRefs".equals(c.getType()))
              .findFirst()
              .orElseThrow();
      if ("True".equals(resolved.getStatus())) {
        carried++;
        boolean hasBackend =
            t.resources().values().stream()
                .flatMap(List::stream)
                .filter(Route.class::isInstance)
                .map(Route.class::cast)
                .filter(r -> r.name().equals(route))
                .anyMatch(r -> r.backends().size() == 1);
        assertTrue(hasBackend, route + " resolved but carries no backend");
      } else {
        refused++;
        // The examples come without Services, so selector targets rightly find none.
        assertTrue(
            resolved.getMessage().contains("not supported yet")
                || resolved.getMessage().endsWith("no Service matched any selector target"),
            route + ": " + resolved.getReason() + " " + resolved.getMessage());
      }
    }
    assertEquals(backends.size(), carried + refused);
    assertTrue(carried > 0, "the static examples carry traffic");
    System.out.printf(
        "upstream AgentgatewayBackend examples: %d translate, %d refused%n", carried, refused);
  }

  private static List<Gateway> gateways(List<AgentgatewayBackend> backends) {
    return backends.stream()
        .map(b -> b.getMetadata().getNamespace())
        .distinct()
        .map(ns -> GatewayApiObjects.httpGateway(ns, "gw", 8080))
        .toList();
  }

  private static HTTPRoute routeTo(AgentgatewayBackend backend, int i) {
    return new HTTPRouteBuilder()
        .withNewMetadata()
        .withNamespace(backend.getMetadata().getNamespace())
        .withName("to-" + backend.getMetadata().getName())
        .withGeneration(1L)
        .endMetadata()
        .withNewSpec()
        .addNewParentRef()
        .withName("gw")
        .endParentRef()
        .addNewRule()
        .addNewMatch()
        .withNewPath()
        .withType("PathPrefix")
        .withValue("/b" + i)
        .endPath()
        .endMatch()
        .addNewBackendRef()
        .withGroup("agentgateway.dev")
        .withKind("AgentgatewayBackend")
        .withName(backend.getMetadata().getName())
        .endBackendRef()
        .endRule()
        .endSpec()
        .build();
  }
}
