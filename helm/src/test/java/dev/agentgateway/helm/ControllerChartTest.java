package dev.agentgateway.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import dev.agentgateway.control.config.ControllerSettings;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The controller chart rendered by real Helm, with its defaults and with every value set. */
class ControllerChartTest {
  private static final Path ALL_VALUES = Path.of("src/test/resources/values-all.yaml");

  /** Values that are Kubernetes objects passed through whole: setting them at all is enough. */
  private static final Set<String> WHOLE_OBJECTS =
      Set.of(
          "podSecurityContext",
          "securityContext",
          "controller.resources",
          "monitoring.proxy.podMonitor.namespaceSelector");

  @Test
  void lintsWithoutWarnings() {
    LintResult lint = new Helm(Charts.controllerChart()).lint().strict().call();
    assertFalse(lint.isFailed(), String.join("\n", lint.getMessages()));
    assertTrue(
        lint.getMessages().stream()
            .noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]")),
        String.join("\n", lint.getMessages()));
  }

  @Test
  void defaultsRenderTheControllerServiceAndSplitRbac() throws java.io.IOException {
    String rendered = render(Map.of());
    java.nio.file.Files.createDirectories(Path.of("target"));
    java.nio.file.Files.writeString(Path.of("target/rendered-defaults.yaml"), rendered);
    List<HasMetadata> objects = Charts.objects(rendered);

    assertEquals(
        List.of(
            "ClusterRole/agentgateway-agentgateway-system",
            "ClusterRole/agentgateway-agentgateway-system-deployer",
            "ClusterRoleBinding/agentgateway-agentgateway-system",
            "ClusterRoleBinding/agentgateway-agentgateway-system-deployer",
            "Deployment/agentgateway",
            "Role/agentgateway-local",
            "RoleBinding/agentgateway-local",
            "Service/agentgateway",
            "ServiceAccount/agentgateway"),
        objects.stream().map(o -> o.getKind() + "/" + o.getMetadata().getName()).sorted().toList());
    Service service = one(objects, Service.class);
    assertEquals(
        List.of("grpc-xds:9978", "health:9093", "metrics:9092"),
        service.getSpec().getPorts().stream()
            .map((ServicePort p) -> p.getName() + ":" + p.getPort())
            .toList());
    Deployment deployment = one(objects, Deployment.class);
    assertEquals(1, deployment.getSpec().getReplicas());
    Container controller = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertEquals("cr.agentgateway.dev/controller:0.1.0-SNAPSHOT", controller.getImage());
    assertEquals(false, controller.getSecurityContext().getAllowPrivilegeEscalation());
    assertEquals(true, controller.getSecurityContext().getReadOnlyRootFilesystem());
    assertEquals(
        65532L, deployment.getSpec().getTemplate().getSpec().getSecurityContext().getRunAsUser());
    assertEquals(
        service.getSpec().getSelector(), deployment.getSpec().getSelector().getMatchLabels());
    assertEquals(
        "9092",
        deployment
            .getSpec()
            .getTemplate()
            .getMetadata()
            .getAnnotations()
            .get("prometheus.io/port"));

    // The rendered environment is what the controller reads: its settings come out as intended.
    ControllerSettings settings =
        ControllerSettings.fromEnv(Charts.controllerEnv(deployment, "agentgateway-0"));
    assertEquals("agentgateway.dev/agentgateway", settings.controllerName());
    assertEquals("agentgateway", settings.gatewayClassName());
    assertEquals(Charts.NAMESPACE, settings.namespace());
    assertEquals(
        "https://agentgateway.agentgateway-system.svc.cluster.local:9978",
        settings.xdsAddress(true));
    assertEquals("cr.agentgateway.dev/agentgateway:0.1.0-SNAPSHOT", settings.proxyImage());
    assertEquals(9093, settings.healthPort());
    assertEquals(9092, settings.metricsPort());
    assertTrue(settings.leaderElection());
    assertEquals("tls", Charts.controllerEnv(deployment, "p").get("AGW_XDS_MODE"));
  }

  @Test
  void everyDocumentedValueRendersIntoKnownFields() {
    List<HasMetadata> objects =
        Charts.objects(Charts.render(Charts.controllerChart(), ALL_VALUES, Map.of()));

    Deployment deployment = one(objects, Deployment.class);
    assertEquals("agw-controller", deployment.getMetadata().getName());
    assertNull(deployment.getSpec().getReplicas(), "the autoscaler owns the replica count");
    HorizontalPodAutoscaler hpa = one(objects, HorizontalPodAutoscaler.class);
    assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
    assertEquals("agw-controller", hpa.getSpec().getScaleTargetRef().getName());
    assertEquals(5, hpa.getSpec().getMaxReplicas());
    PodDisruptionBudget pdb = one(objects, PodDisruptionBudget.class);
    assertEquals(deployment.getSpec().getSelector(), pdb.getSpec().getSelector());
    assertEquals(1, pdb.getSpec().getMinAvailable().getIntVal());
    ServiceMonitor monitor = one(objects, ServiceMonitor.class);
    assertEquals("metrics", monitor.getSpec().getEndpoints().get(0).getPort());
    PodMonitor proxies = one(objects, PodMonitor.class);
    assertEquals(
        List.of("agw-internal", "agentgateway"),
        proxies.getSpec().getSelector().getMatchExpressions().get(0).getValues());

    Map<String, String> annotations =
        deployment.getSpec().getTemplate().getMetadata().getAnnotations();
    assertEquals("19092", annotations.get("prometheus.io/port"), "scrape the metrics port as set");
    assertEquals("false", annotations.get("example.com/scrape"));
    Container controller = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertEquals("mirror.example.com/agw/controller:1.2.4", controller.getImage());
    assertEquals("1", controller.getResources().getLimits().get("cpu").toString());
    assertEquals(
        List.of("pull-secret"),
        deployment.getSpec().getTemplate().getSpec().getImagePullSecrets().stream()
            .map(s -> s.getName())
            .toList());
    assertEquals("agw-sa", deployment.getSpec().getTemplate().getSpec().getServiceAccountName());
    assertEquals(
        "linux",
        deployment.getSpec().getTemplate().getSpec().getNodeSelector().get("kubernetes.io/os"));
    assertEquals(
        "gateways",
        deployment.getSpec().getTemplate().getSpec().getTolerations().get(0).getValue());
    Map<String, String> env = Charts.controllerEnv(deployment, "agw-0");
    assertEquals("true", env.get("AGW_MCP_STDIO_ENABLED"));
    assertEquals("8443", env.get("AGW_NO_LISTENERS_DUMMY_PORT"));
    assertEquals("canary", env.get("AGW_ISTIO_REVISION"));
    assertEquals("xds.example.com,10.0.0.10", env.get("AGW_ADDITIONAL_XDS_TLS_HOSTS"));
    ControllerSettings settings = ControllerSettings.fromEnv(env);
    assertEquals("example.com/agw", settings.controllerName());
    assertEquals("agw-internal", settings.gatewayClassName());
    assertEquals(
        new ControllerSettings.ParametersRef(
            "defaults", "agw-system", "agentgateway.dev", "AgentgatewayParameters"),
        settings.gatewayClassParametersRefs().get("agw-internal"));
    assertEquals(
        List.of(
            new LabelSelectorBuilder().addToMatchLabels("agentgateway", "enabled").build(),
            new LabelSelectorBuilder()
                .addNewMatchExpression()
                .withKey("team")
                .withOperator("In")
                .withValues("a", "b")
                .endMatchExpression()
                .build()),
        settings.discoveryNamespaceSelectors());
    assertEquals("proxies.example.com/agw/proxy:1.2.5", settings.proxyImage());
    assertEquals(19978, settings.xdsPort());
    assertEquals(
        "http://agw-controller.agentgateway-system.svc.cluster.local:19978",
        settings.xdsAddress(false));
    assertEquals(19093, settings.healthPort());

    // The deployer role is bound only in the listed namespaces.
    assertEquals(
        List.of("team-a", "team-b"),
        objects.stream()
            .filter(RoleBinding.class::isInstance)
            .filter(b -> ((RoleBinding) b).getRoleRef().getName().endsWith("-deployer"))
            .map(b -> b.getMetadata().getNamespace())
            .sorted()
            .toList());
    assertTrue(
        objects.stream()
            .filter(ClusterRoleBinding.class::isInstance)
            .noneMatch(b -> ((ClusterRoleBinding) b).getRoleRef().getName().endsWith("-deployer")));
  }

  @Test
  void theAllValuesFileSetsEveryValueTheChartDocuments() {
    Map<String, Object> defaults =
        Charts.documents(read(Charts.controllerChart().resolve("values.yaml"))).getFirst();
    Map<String, Object> all =
        Charts.documents(read(Charts.root().resolve("helm").resolve(ALL_VALUES))).getFirst();
    List<String> missing = new ArrayList<>();
    for (String key : leafKeys("", defaults)) {
      if (!has(all, key)) {
        missing.add(key);
      }
    }
    assertEquals(
        List.of(), missing, "values documented in values.yaml but not set in " + ALL_VALUES);
  }

  @Test
  void gatewayClassParametersRefsNeedNameAndNamespace() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> render(Map.of("gatewayClassParametersRefs.agentgateway.name", "defaults")));
    assertTrue(e.getMessage().contains("namespace"), e.getMessage());
  }

  static Stream<Arguments> badValues() {
    return Stream.of(
        Arguments.of("controller.xds.mode", "mtls"),
        Arguments.of("controller.replicaCount", -1),
        Arguments.of("controller.logLevel", "loud"),
        Arguments.of("controller.service.ports.agwGrpc", 70000),
        Arguments.of("controller.service.type", "Ingress"),
        Arguments.of("image.pullPolicy", "Sometimes"),
        Arguments.of("rbac.gatewayNamespaces[0]", "Not_A_Namespace"),
        Arguments.of("monitoring.serviceMonitor.interval", "soon"),
        Arguments.of("controller.horizontalPodAutoscaler.minReplicas", 2),
        Arguments.of("controller.podDisruptionBudget.minAvailabe", 1),
        Arguments.of("controler.replicaCount", 2),
        Arguments.of("gatewayClassParametersRefs.agentgateway.namespace", "ns"),
        Arguments.of("discoveryNamespaceSelectors[0].matchExpressions[0].operator", "Like"));
  }

  @ParameterizedTest(name = "{0}={1}")
  @MethodSource("badValues")
  void schemaRejectsBadValues(String key, Object value) {
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> render(Map.of(key, value)));
    assertTrue(
        e.getMessage().contains("values don't meet the specifications of the schema"),
        e.getMessage());
  }

  private static String render(Map<String, Object> sets) {
    return Charts.render(Charts.controllerChart(), null, sets);
  }

  private static <T extends HasMetadata> T one(List<HasMetadata> objects, Class<T> type) {
    List<T> found = objects.stream().filter(type::isInstance).map(type::cast).toList();
    assertEquals(1, found.size(), "one " + type.getSimpleName());
    return found.getFirst();
  }

  @SuppressWarnings("unchecked")
  private static List<String> leafKeys(String prefix, Map<String, Object> map) {
    List<String> keys = new ArrayList<>();
    for (var entry : new java.util.TreeMap<>(map).entrySet()) {
      String key = prefix.isEmpty() ? entry.getKey() : prefix + "." + entry.getKey();
      if (entry.getValue() instanceof Map<?, ?> m && !m.isEmpty() && !WHOLE_OBJECTS.contains(key)) {
        keys.addAll(leafKeys(key, (Map<String, Object>) m));
      } else {
        keys.add(key);
      }
    }
    return keys;
  }

  @SuppressWarnings("unchecked")
  private static boolean has(Map<String, Object> map, String dotted) {
    Object at = map;
    for (String part : dotted.split("\\.")) {
      if (!(at instanceof Map<?, ?> m) || !m.containsKey(part)) {
        return false;
      }
      at = ((Map<String, Object>) m).get(part);
    }
    return true;
  }

  private static String read(Path file) {
    try {
      return java.nio.file.Files.readString(file);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
