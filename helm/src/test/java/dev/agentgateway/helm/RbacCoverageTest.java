package dev.agentgateway.helm;

import static dev.agentgateway.helm.MockCluster.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.control.config.ControllerSettings;
import dev.agentgateway.control.events.EventRecorder;
import dev.agentgateway.control.events.NackEvents;
import dev.agentgateway.control.gatewayapi.ListenerSet;
import dev.agentgateway.control.sync.GatewayClasses;
import dev.agentgateway.control.xds.auth.ReviewUnavailableException;
import dev.agentgateway.control.xds.auth.TokenReviewAuthenticator;
import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.crds.backend.AgentgatewayBackend;
import dev.agentgateway.crds.policy.AgentgatewayPolicy;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The chart's RBAC against what the controller really does. The controller runs on the mock API
 * server with the environment the chart renders and goes through everything that calls the API:
 * informers, GatewayClass creation, provisioning of every kind of proxy object and their pruning,
 * status writes of every kind, leader election, the xDS CA Secret, a TokenReview and NACK Events.
 * Each request it sends is recorded; then every one must be allowed by the rendered roles, and
 * every permission the roles grant must have been used by one, or be listed in {@link #UNUSED} with
 * the reason it is still needed.
 */
class RbacCoverageTest {
  private static final String GATEWAY_NS = "apps";
  private static final String SERVICE_ACCOUNT = "agentgateway";

  /**
   * Kinds the controller applies server-side in production (ControllerMain runs with server-side
   * apply); on the mock, which lacks it, the same writes arrive as create (POST) and update (PUT).
   */
  private static final Set<String> APPLIED =
      Set.of(
          "/configmaps",
          "/secrets",
          "/serviceaccounts",
          "/services",
          "apps/deployments",
          "apps/daemonsets",
          "policy/poddisruptionbudgets",
          "autoscaling/horizontalpodautoscalers");

  /** Non-resource URLs every authenticated client may read (the system:discovery role). */
  private static final Set<String> DISCOVERY = Set.of("/version", "/api", "/apis");

  /** Permissions the scenario does not exercise, and why the controller still needs each. */
  static final Map<String, String> UNUSED =
      Map.of(
          "deployer: delete core/configmaps",
          "the <gateway>-xds-ca ConfigMap is pruned when a controller restarted with"
              + " controller.xds.mode=plaintext reconciles a Gateway provisioned under tls; the"
              + " controller's xDS mode is fixed for its lifetime, so one run cannot show it");

  private static MockCluster cluster;
  private static List<ApiCall> recorded;
  private static List<ApiCall> production;

  @BeforeAll
  static void runTheController() throws Exception {
    cluster = new MockCluster();
    Map<String, String> env = new HashMap<>(controllerEnv());
    cluster.apply(
        """
        apiVersion: v1
        kind: Namespace
        metadata: {name: agentgateway-system}
        ---
        apiVersion: v1
        kind: Namespace
        metadata: {name: apps}
        """);
    cluster.startController(env);
    await(
        "the GatewayClass",
        () ->
            cluster.get(GatewayClass.class, null, "agentgateway") != null
                && cluster.get(GatewayClass.class, null, "agentgateway").getStatus() != null);

    applyParameters(
        """
        podDisruptionBudget: {spec: {maxUnavailable: 1}}
        horizontalPodAutoscaler: {spec: {minReplicas: 2, maxReplicas: 4}}
        """);
    cluster.apply(Files.readString(Path.of("src/test/resources/rbac/scenario.yaml")));
    await("Deployment", () -> cluster.get(Deployment.class, GATEWAY_NS, "gw"));
    await("autoscaler", () -> cluster.get(HorizontalPodAutoscaler.class, GATEWAY_NS, "gw"));
    await("disruption budget", () -> cluster.get(PodDisruptionBudget.class, GATEWAY_NS, "gw"));
    await("session key", () -> cluster.get(Secret.class, GATEWAY_NS, "gw-session-key"));
    await("xDS CA ConfigMap", () -> cluster.get(ConfigMap.class, GATEWAY_NS, "gw-xds-ca"));
    await("ServiceAccount", () -> cluster.get(ServiceAccount.class, GATEWAY_NS, "gw"));
    await("Gateway status", () -> cluster.get(Gateway.class, GATEWAY_NS, "gw").getStatus());
    await(
        "HTTPRoute status",
        () ->
            cluster.get(HTTPRoute.class, GATEWAY_NS, "web").getStatus() != null
                && !cluster
                    .get(HTTPRoute.class, GATEWAY_NS, "web")
                    .getStatus()
                    .getParents()
                    .isEmpty());
    await(
        "GRPCRoute status",
        () ->
            cluster.get(GRPCRoute.class, GATEWAY_NS, "rpc").getStatus() != null
                && !cluster
                    .get(GRPCRoute.class, GATEWAY_NS, "rpc")
                    .getStatus()
                    .getParents()
                    .isEmpty());
    await(
        "AgentgatewayBackend status",
        () -> cluster.get(AgentgatewayBackend.class, GATEWAY_NS, "static").getStatus());
    await(
        "AgentgatewayPolicy status",
        () -> cluster.get(AgentgatewayPolicy.class, GATEWAY_NS, "budget").getStatus());
    await(
        "ListenerSet status",
        () -> cluster.get(ListenerSet.class, GATEWAY_NS, "extra").getStatus());

    // New parameters: a DaemonSet replaces the Deployment, the overlays and the generated session
    // key go (the user's env sets SESSION_KEY), and the proxy config changes.
    applyParameters(
        """
        workload: {kind: DaemonSet}
        image: {tag: 2.0.0}
        env: [{name: SESSION_KEY, value: user-supplied}]
        rawConfig: {config: {adminAddr: "localhost:15001"}}
        """);
    await("DaemonSet", () -> cluster.get(DaemonSet.class, GATEWAY_NS, "gw"));
    await("Deployment pruned", () -> cluster.get(Deployment.class, GATEWAY_NS, "gw") == null);
    await(
        "autoscaler pruned",
        () -> cluster.get(HorizontalPodAutoscaler.class, GATEWAY_NS, "gw") == null);
    await(
        "disruption budget pruned",
        () -> cluster.get(PodDisruptionBudget.class, GATEWAY_NS, "gw") == null);
    await(
        "session key pruned",
        () -> cluster.get(Secret.class, GATEWAY_NS, "gw-session-key") == null);
    await(
        "config updated",
        () ->
            cluster
                .get(ConfigMap.class, GATEWAY_NS, "gw")
                .getData()
                .get("config.yaml")
                .contains("adminAddr"));

    // And back: the DaemonSet is pruned.
    applyParameters(
        """
        env: [{name: SESSION_KEY, value: user-supplied}]
        """);
    await("Deployment again", () -> cluster.get(Deployment.class, GATEWAY_NS, "gw"));
    await("DaemonSet pruned", () -> cluster.get(DaemonSet.class, GATEWAY_NS, "gw") == null);

    // The rest of the controller's API use, called as the controller calls it.
    var client = cluster.controllerClient();
    ControllerSettings withParameters =
        ControllerSettings.fromEnv(
            Map.of(
                "AGW_GATEWAY_CLASS_PARAMETERS_REFS",
                "{\"agentgateway\":{\"name\":\"class-params\",\"namespace\":\"agentgateway-system\"}}"));
    GatewayClasses.ensure(client, withParameters); // points the existing class at parameters
    try {
      new TokenReviewAuthenticator(client).authenticate("a-proxy-token");
    } catch (ReviewUnavailableException e) {
      // The mock cannot review tokens (422); the request was made, which is what counts here.
    }
    try (EventRecorder events = new EventRecorder(client, "agentgateway.dev/agentgateway")) {
      NackEvents nacks = new NackEvents(client, events);
      nacks.onNack(new GatewayKey(GATEWAY_NS, "gw"), "bad route");
      await("NACK Event", () -> firstEventCount() == 1);
      nacks.onNack(new GatewayKey(GATEWAY_NS, "gw"), "bad route");
      await("repeated NACK counted", () -> firstEventCount() == 2);
    }
    cluster.stopController();

    recorded = cluster.controllerCalls();
    production = recorded.stream().flatMap(c -> asInProduction(c).stream()).distinct().toList();
    writeReport();
  }

  @AfterAll
  static void stop() {
    if (cluster != null) {
      cluster.close();
    }
  }

  @Test
  void everyCallIsAllowedWithTheDefaultClusterWideDeployer() {
    assertAllAllowed(rbac(Map.of()));
  }

  @Test
  void everyCallIsAllowedWithTheDeployerBoundInTheGatewayNamespaceOnly() {
    RbacRules scoped = rbac(Map.of("rbac.gatewayNamespaces[0]", GATEWAY_NS));
    assertAllAllowed(scoped);
    // The same provisioning writes in a namespace that is not listed are refused (status writes
    // are not provisioning: routes and backends of every watched namespace get theirs).
    List<ApiCall> writesElsewhere =
        production.stream()
            .filter(c -> GATEWAY_NS.equals(c.namespace()))
            .filter(c -> !c.resource().endsWith("/status"))
            .filter(c -> Set.of("create", "patch", "update", "delete").contains(c.verb()))
            .map(c -> new ApiCall(c.verb(), c.group(), c.resource(), "elsewhere", c.name()))
            .toList();
    assertTrue(writesElsewhere.size() > 10, "the scenario wrote in " + GATEWAY_NS);
    assertEquals(List.of(), writesElsewhere.stream().filter(scoped::allows).toList());
  }

  @Test
  void everyPermissionGrantedIsUsedOrJustified() {
    List<String> unused = new ArrayList<>();
    for (RbacRules.Grant grant : rbac(Map.of()).grants()) {
      boolean used = production.stream().anyMatch(grant::allows);
      if (!used && !UNUSED.containsKey(key(grant))) {
        unused.add(grant.toString());
      }
    }
    assertEquals(
        List.of(),
        unused,
        "granted but never used by the controller (see target/rbac-coverage.txt)");
    Set<String> granted =
        rbac(Map.of()).grants().stream().map(RbacCoverageTest::key).collect(Collectors.toSet());
    for (String justified : UNUSED.keySet()) {
      assertTrue(
          granted.contains(justified),
          "UNUSED names a permission the chart no longer grants: " + justified);
      assertTrue(
          rbac(Map.of()).grants().stream()
              .filter(g -> key(g).equals(justified))
              .noneMatch(g -> production.stream().anyMatch(g::allows)),
          "UNUSED names a permission the scenario now uses: " + justified);
    }
  }

  @Test
  void noPermissionNeededWhenXdsIsPlaintextOrTheCaIsProvided() {
    RbacRules plaintext = rbac(Map.of("controller.xds.mode", "plaintext"));
    assertTrue(
        plaintext.grants().stream()
            .noneMatch(g -> g.resource().equals("secrets") && g.namespace() != null),
        "no Secret permission in the release namespace without xDS TLS");
    RbacRules provided = rbac(Map.of("controller.xds.tls.generateCa", false));
    assertTrue(
        provided.grants().stream()
            .noneMatch(
                g ->
                    g.resource().equals("secrets")
                        && g.verb().equals("create")
                        && g.namespace() != null),
        "no Secret creation when the xDS Secret is provided");
    RbacRules noAuth = rbac(Map.of("controller.xds.auth", false));
    assertTrue(noAuth.grants().stream().noneMatch(g -> g.resource().equals("tokenreviews")));
  }

  private static void assertAllAllowed(RbacRules rules) {
    List<String> denied = new ArrayList<>();
    for (ApiCall call : production) {
      if (call.isNonResource() ? !DISCOVERY.contains(call.resource()) : !rules.allows(call)) {
        denied.add(call.toString());
      }
    }
    assertEquals(List.of(), denied, "calls the rendered roles do not allow");
    assertTrue(production.size() > 20, "the scenario made the controller's calls: " + production);
  }

  /**
   * The requests {@code call} stands for in production. Writes of provisioned objects in a
   * Gateway's namespace are server-side applies there: a PATCH, which the API server authorizes as
   * patch and, when it creates the object, also as create. Nothing there is a PUT.
   */
  static List<ApiCall> asInProduction(ApiCall call) {
    if (!call.isNonResource()
        && GATEWAY_NS.equals(call.namespace())
        && APPLIED.contains(call.group() + "/" + call.resource())) {
      return switch (call.verb()) {
        case "create" -> List.of(call.withVerb("create"), call.withVerb("patch"));
        case "update" -> List.of(call.withVerb("patch"));
        default -> List.of(call);
      };
    }
    return List.of(call);
  }

  private static String key(RbacRules.Grant grant) {
    String role =
        grant.role().endsWith("-deployer")
            ? "deployer"
            : grant.role().endsWith("-local") ? "local" : "read";
    return role
        + ": "
        + grant.verb()
        + " "
        + (grant.group().isEmpty() ? "core" : grant.group())
        + "/"
        + grant.resource();
  }

  private static RbacRules rbac(Map<String, Object> sets) {
    List<HasMetadata> objects = Charts.objects(Charts.render(Charts.controllerChart(), null, sets));
    return RbacRules.of(objects, Charts.NAMESPACE, SERVICE_ACCOUNT);
  }

  private static Map<String, String> controllerEnv() {
    Deployment deployment =
        Charts.objects(Charts.render(Charts.controllerChart(), null, Map.of())).stream()
            .filter(Deployment.class::isInstance)
            .map(Deployment.class::cast)
            .findFirst()
            .orElseThrow();
    return Charts.controllerEnv(deployment, "agentgateway-0");
  }

  private static void applyParameters(String spec) {
    cluster.apply(
        """
        apiVersion: agentgateway.dev/v1alpha1
        kind: AgentgatewayParameters
        metadata: {name: gw-params, namespace: apps}
        spec:
        %s"""
            .formatted(spec.indent(2)));
  }

  private static int firstEventCount() {
    List<Event> events = cluster.client().v1().events().inNamespace(GATEWAY_NS).list().getItems();
    return events.isEmpty() || events.getFirst().getCount() == null
        ? 0
        : events.getFirst().getCount();
  }

  /** Both sides, for a reader: each call and what allows it; each permission and its use. */
  private static void writeReport() throws IOException {
    RbacRules rules = rbac(Map.of());
    StringBuilder out = new StringBuilder("# API calls of the controller (as in production)\n");
    for (ApiCall call : new LinkedHashSet<>(production)) {
      String by =
          call.isNonResource()
              ? (DISCOVERY.contains(call.resource()) ? "system:discovery" : "NOT ALLOWED")
              : rules.grants().stream()
                  .filter(g -> g.allows(call))
                  .map(RbacRules.Grant::role)
                  .findFirst()
                  .orElse("NOT ALLOWED");
      out.append(call).append("  <-  ").append(by).append('\n');
    }
    out.append("\n# Permissions of the rendered roles (default values)\n");
    Map<String, String> uses = new TreeMap<>();
    for (RbacRules.Grant grant : rules.grants()) {
      long count = production.stream().filter(grant::allows).count();
      uses.put(
          grant.toString(),
          count > 0 ? "used by " + count + " call(s)" : UNUSED.getOrDefault(key(grant), "UNUSED"));
    }
    uses.forEach((grant, use) -> out.append(grant).append("  ->  ").append(use).append('\n'));
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target/rbac-coverage.txt"), out);
    System.out.println(out);
  }
}
