package dev.agentgateway.helm;

import static dev.agentgateway.helm.MockCluster.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentgateway.crds.backend.AgentgatewayBackend;
import dev.agentgateway.crds.common.ConditionStatus;
import dev.agentgateway.crds.policy.AgentgatewayPolicy;
import dev.agentgateway.crds.policy.Ancestor;
import dev.agentgateway.crds.testing.Crds;
import dev.agentgateway.crds.testing.StructuralSchemaValidator;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ServiceStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The README's install section: its example manifests are the files under examples/k8s, they pass
 * the CRDs' schemas, and applied in the README's order with the controller running (the chart's
 * environment, on the mock API server) they reach the statuses the README promises.
 */
class ReadmeExamplesTest {
  private static final Pattern APPLY =
      Pattern.compile("kubectl apply -f (examples/k8s/[\\w.-]+\\.yaml)");

  @Test
  void readmeInstallsBothChartsAndAppliesEveryExample() throws IOException {
    String readme = Files.readString(Charts.root().resolve("README.md"));
    assertTrue(
        readme.contains("helm install agentgateway-crds helm/agentgateway-crds"), "CRD chart");
    assertTrue(readme.contains("helm install agentgateway helm/agentgateway"), "controller chart");
    List<String> listed = readmeExamples(readme);
    List<String> files;
    try (Stream<Path> all = Files.list(Charts.root().resolve("examples/k8s"))) {
      files = all.map(p -> "examples/k8s/" + p.getFileName()).sorted().toList();
    }
    assertEquals(
        files, listed.stream().sorted().toList(), "the README applies every example, once");
  }

  @Test
  void agentgatewayExamplesPassTheGeneratedCrdSchemas() throws IOException {
    int checked = 0;
    for (String file : readmeExamples(Files.readString(Charts.root().resolve("README.md")))) {
      for (JsonNode doc : Crds.readAll(Charts.root().resolve(file))) {
        String kind = doc.path("kind").asText();
        Crds.Kind crd =
            Stream.of(Crds.Kind.values()).filter(k -> k.kind.equals(kind)).findFirst().orElse(null);
        if (crd == null) {
          continue; // Gateway API kinds: their CRDs are not ours
        }
        StructuralSchemaValidator.Result result =
            StructuralSchemaValidator.validate(Crds.schema(Crds.checkedIn(crd)), doc);
        assertTrue(result.valid(), file + ": " + result.errors());
        checked++;
      }
    }
    assertEquals(2, checked, "the backend and the policy");
  }

  @Test
  void examplesReachTheirStatusesWithTheControllerRunning() throws IOException {
    try (MockCluster cluster = new MockCluster()) {
      Deployment chartDeployment =
          Charts.objects(Charts.render(Charts.controllerChart(), null, Map.of())).stream()
              .filter(Deployment.class::isInstance)
              .map(Deployment.class::cast)
              .findFirst()
              .orElseThrow();
      cluster.startController(Charts.controllerEnv(chartDeployment, "agentgateway-0"));
      for (String file : readmeExamples(Files.readString(Charts.root().resolve("README.md")))) {
        cluster.apply(Files.readString(Charts.root().resolve(file)));
      }

      HTTPRoute route =
          await(
              "the HTTPRoute's status",
              () -> {
                HTTPRoute r = cluster.get(HTTPRoute.class, "default", "mcp");
                return r.getStatus() != null && !r.getStatus().getParents().isEmpty() ? r : null;
              });
      RouteParentStatus parent = route.getStatus().getParents().getFirst();
      assertEquals("agentgateway-proxy", parent.getParentRef().getName());
      assertEquals("True", condition(parent.getConditions(), "Accepted").getStatus());
      assertEquals("True", condition(parent.getConditions(), "ResolvedRefs").getStatus());
      AgentgatewayBackend backend =
          await(
              "the backend's status",
              () -> {
                AgentgatewayBackend b =
                    cluster.get(AgentgatewayBackend.class, "default", "mcp-everything");
                return b.getStatus() != null && b.getStatus().conditions() != null ? b : null;
              });
      assertEquals(
          ConditionStatus.TRUE,
          backend.getStatus().conditions().stream()
              .filter(c -> c.type().equals("Accepted"))
              .findFirst()
              .orElseThrow()
              .status());
      AgentgatewayPolicy policy =
          await(
              "the policy's status",
              () -> {
                AgentgatewayPolicy p =
                    cluster.get(AgentgatewayPolicy.class, "agentgateway-system", "request-budget");
                return p.getStatus() != null && p.getStatus().ancestors() != null ? p : null;
              });
      Ancestor ancestor = policy.getStatus().ancestors().getFirst();
      assertEquals("Gateway", ancestor.ancestorRef().kind());
      assertEquals("agentgateway-proxy", ancestor.ancestorRef().name());
      for (String type : List.of("Accepted", "Attached")) {
        assertEquals(
            ConditionStatus.TRUE,
            ancestor.conditions().stream()
                .filter(c -> c.type().equals(type))
                .findFirst()
                .orElseThrow()
                .status(),
            type);
      }
      Gateway accepted =
          await(
              "the Gateway accepted with its route",
              () -> {
                Gateway g = cluster.get(Gateway.class, "agentgateway-system", "agentgateway-proxy");
                return g.getStatus() != null
                        && has(g.getStatus().getConditions(), "Accepted", "True")
                        && g.getStatus().getListeners().getFirst().getAttachedRoutes() == 1
                    ? g
                    : null;
              });
      assertEquals(
          "False", condition(accepted.getStatus().getConditions(), "Programmed").getStatus());

      // The kubelet and a load balancer, played by the test: the proxy becomes ready.
      await(
          "the proxy's Deployment",
          () -> cluster.get(Deployment.class, "agentgateway-system", "agentgateway-proxy"));
      var client = cluster.client();
      client
          .apps()
          .deployments()
          .inNamespace("agentgateway-system")
          .withName("agentgateway-proxy")
          .editStatus(
              d -> {
                d.setStatus(
                    new DeploymentStatusBuilder()
                        .withReplicas(1)
                        .withReadyReplicas(1)
                        .withAvailableReplicas(1)
                        .build());
                return d;
              });
      await(
          "the proxy's Service",
          () ->
              client
                  .services()
                  .inNamespace("agentgateway-system")
                  .withName("agentgateway-proxy")
                  .get());
      client
          .services()
          .inNamespace("agentgateway-system")
          .withName("agentgateway-proxy")
          .editStatus(
              s -> {
                s.setStatus(
                    new ServiceStatusBuilder()
                        .withNewLoadBalancer()
                        .addNewIngress()
                        .withIp("203.0.113.10")
                        .endIngress()
                        .endLoadBalancer()
                        .build());
                return s;
              });
      // Programmed and the address are written as each change arrives: wait for both.
      await(
          "the Gateway programmed with the load balancer's address",
          () -> {
            Gateway g = cluster.get(Gateway.class, "agentgateway-system", "agentgateway-proxy");
            return has(g.getStatus().getConditions(), "Programmed", "True")
                && g.getStatus().getAddresses() != null
                && g.getStatus().getAddresses().stream()
                    .anyMatch(a -> "203.0.113.10".equals(a.getValue()));
          });
    }
  }

  private static List<String> readmeExamples(String readme) {
    List<String> files = new ArrayList<>();
    Matcher m = APPLY.matcher(readme);
    while (m.find()) {
      files.add(m.group(1));
    }
    return files;
  }

  private static boolean has(List<Condition> conditions, String type, String status) {
    return conditions != null
        && conditions.stream()
            .anyMatch(c -> c.getType().equals(type) && c.getStatus().equals(status));
  }

  private static Condition condition(List<Condition> conditions, String type) {
    return conditions.stream().filter(c -> c.getType().equals(type)).findFirst().orElseThrow();
  }
}
