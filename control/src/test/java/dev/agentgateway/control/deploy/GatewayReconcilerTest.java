package dev.agentgateway.control.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.control.translate.Infrastructure;
import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.crds.parameters.AgentgatewayParameters;
import dev.agentgateway.crds.parameters.AgentgatewayParametersSpec;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A real JOSDK operator against fabric8's CRUD mock API server. The mock has no server-side apply
 * and no garbage collector: dependents use create/update here, and deletion with the Gateway is
 * checked through the owner references Kubernetes' collector follows.
 */
@EnableKubernetesMockClient(crud = true)
class GatewayReconcilerTest {
  static KubernetesClient client;
  static Operator operator;
  static final ProvisioningState state = new ProvisioningState();
  static final AtomicReference<String> xdsCa = new AtomicReference<>();
  static GatewayReconciler reconciler;

  @BeforeAll
  static void startOperator() {
    client
        .resource(
            Fixtures.gatewayClass(
                """
                apiVersion: gateway.networking.k8s.io/v1
                kind: GatewayClass
                metadata: {name: agentgateway}
                spec:
                  controllerName: agentgateway.dev/agentgateway
                  parametersRef:
                    group: agentgateway.dev
                    kind: AgentgatewayParameters
                    name: class-params
                    namespace: agw-system
                """))
        .create();
    client
        .resource(
            Fixtures.gatewayClass(
                """
                apiVersion: gateway.networking.k8s.io/v1
                kind: GatewayClass
                metadata: {name: other}
                spec: {controllerName: example.com/other}
                """))
        .create();
    client
        .resource(
            Fixtures.parameters(
                """
                apiVersion: agentgateway.dev/v1alpha1
                kind: AgentgatewayParameters
                metadata: {name: class-params, namespace: agw-system}
                spec:
                  logging: {level: info}
                  shutdown: {min: 5, max: 30}
                """))
        .create();
    operator =
        new Operator(
            o ->
                o.withKubernetesClient(client)
                    .withCloseClientOnStop(false)
                    .withStopOnInformerErrorDuringStartup(true)
                    .withUseSSAToPatchPrimaryResource(false)
                    .withSSABasedCreateUpdateMatchForDependentResources(false)
                    .withCacheSyncTimeout(Duration.ofSeconds(30))
                    .withReconciliationTerminationTimeout(Duration.ofSeconds(1))
                    .withExecutorService(Executors.newVirtualThreadPerTaskExecutor()));
    reconciler = GatewayReconciler.register(operator, Fixtures.settings(), xdsCa::get, state);
    operator.start();
  }

  @AfterAll
  static void stopOperator() {
    operator.stop();
  }

  @Test
  void provisionsOwnedProxyObjectsForOurGateway() {
    createParameters("t1", "gw-params", "tag: 9.9.9");
    Gateway gw = createGateway("t1", "gw", "agentgateway", "gw-params");

    Deployment deployment = await(() -> get(Deployment.class, "t1", "gw"));
    Service service = await(() -> get(Service.class, "t1", "gw"));
    ServiceAccount account = await(() -> get(ServiceAccount.class, "t1", "gw"));
    ConfigMap config = await(() -> get(ConfigMap.class, "t1", "gw"));

    for (HasMetadata owned : List.of(deployment, service, account, config)) {
      assertOwnedBy(gw, owned);
      assertEquals("gw", owned.getMetadata().getLabels().get(ProxyResources.GATEWAY_NAME_LABEL));
    }
    var container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    assertEquals("cr.agentgateway.dev/agentgateway:9.9.9", container.getImage());
    assertEquals(
        30L, deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds());
    assertEquals("gw", deployment.getSpec().getTemplate().getSpec().getServiceAccountName());
    assertEquals(
        "http://agentgateway.agw-system.svc.cluster.local:9978", env(deployment, "XDS_ADDRESS"));
    assertEquals("5s", env(deployment, "CONNECTION_MIN_TERMINATION_DEADLINE"));
    assertEquals("LoadBalancer", service.getSpec().getType());
    assertEquals(
        List.of(80, 8080),
        service.getSpec().getPorts().stream().map(ServicePort::getPort).toList());
    assertEquals(false, account.getAutomountServiceAccountToken());
    assertEquals("config: {}\n", config.getData().get("config.yaml"));
    assertNull(get(ConfigMap.class, "t1", "gw-xds-ca"), "plaintext xDS: no CA ConfigMap");
    Infrastructure infra = state.infrastructure(new GatewayKey("t1", "gw"));
    assertNull(infra.parametersError());
    Gateway live = get(Gateway.class, "t1", "gw");
    assertTrue(
        live.getMetadata().getFinalizers() == null || live.getMetadata().getFinalizers().isEmpty(),
        "no finalizer: deleting the Gateway is left to Kubernetes' garbage collector");
  }

  @Test
  void changedParametersRollTheDeployment() {
    createParameters("t2", "gw-params", "tag: 1.0.0");
    createGateway("t2", "gw", "agentgateway", "gw-params");
    await(() -> imageOf("t2", "gw").endsWith(":1.0.0") ? true : null);

    client
        .resource(
            Fixtures.parameters(
                """
                apiVersion: agentgateway.dev/v1alpha1
                kind: AgentgatewayParameters
                metadata: {name: gw-params, namespace: t2}
                spec:
                  image: {tag: 2.0.0}
                  rawConfig: {config: {adminAddr: "localhost:15001"}}
                """))
        .update();

    await(() -> imageOf("t2", "gw").endsWith(":2.0.0") ? true : null);
    ConfigMap config =
        await(
            () -> {
              ConfigMap cm = get(ConfigMap.class, "t2", "gw");
              return cm.getData().get("config.yaml").contains("adminAddr") ? cm : null;
            });
    String checksum =
        get(Deployment.class, "t2", "gw")
            .getSpec()
            .getTemplate()
            .getMetadata()
            .getAnnotations()
            .get("checksum/config");
    assertEquals(ResourceNames.sha256Hex(config.getData().get("config.yaml")), checksum);
  }

  @Test
  void leavesGatewaysOfOtherClassesAlone() {
    createGateway("t3", "foreign", "other", null);
    createGateway("t3", "ours", "agentgateway", null);

    await(() -> get(Deployment.class, "t3", "ours"));

    assertNull(get(Deployment.class, "t3", "foreign"));
    assertNull(get(Service.class, "t3", "foreign"));
    assertNull(get(ConfigMap.class, "t3", "foreign"));
    assertEquals(Infrastructure.PENDING, state.infrastructure(new GatewayKey("t3", "foreign")));
  }

  @Test
  void missingParametersAreReportedAndNothingIsCreatedUntilTheyExist() {
    createGateway("t4", "gw", "agentgateway", "missing");

    Infrastructure infra =
        await(
            () -> {
              Infrastructure i = state.infrastructure(new GatewayKey("t4", "gw"));
              return i.parametersError() == null ? null : i;
            });
    assertEquals("AgentgatewayParameters t4/missing not found", infra.parametersError());
    assertNull(get(Deployment.class, "t4", "gw"));
    assertNull(get(ServiceAccount.class, "t4", "gw"));

    createParameters("t4", "missing", "tag: 3.0.0");
    assertTrue(await(() -> imageOf("t4", "gw").endsWith(":3.0.0") ? true : null));
    await(
        () ->
            state.infrastructure(new GatewayKey("t4", "gw")).parametersError() == null
                ? true
                : null);
  }

  @Test
  void xdsTlsAddsTheCaConfigMapAndTurningItOffDeletesIt() {
    createGateway("t5", "gw", "agentgateway", null);
    await(() -> get(Deployment.class, "t5", "gw"));
    assertNull(get(ConfigMap.class, "t5", "gw-xds-ca"));
    try {
      xdsCa.set("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n");
      reconciler.xdsCaChanged();
      ConfigMap ca = await(() -> get(ConfigMap.class, "t5", "gw-xds-ca"));
      assertEquals(xdsCa.get(), ca.getData().get("ca.crt"));
      assertOwnedBy(get(Gateway.class, "t5", "gw"), ca);
      await(
          () ->
              env(get(Deployment.class, "t5", "gw"), "XDS_ADDRESS").startsWith("https")
                  ? true
                  : null);
    } finally {
      xdsCa.set(null);
      reconciler.xdsCaChanged();
    }
    await(() -> get(ConfigMap.class, "t5", "gw-xds-ca") == null ? true : null);
    await(
        () ->
            env(get(Deployment.class, "t5", "gw"), "XDS_ADDRESS").startsWith("http:")
                ? true
                : null);
  }

  @Test
  void gatewayClassCreatedLaterAndItsParametersChangesReachItsGateways() {
    createGateway("t6", "gw", "late-class", null);
    createParameters("t6", "class-b", "tag: 4.0.0");
    client
        .resource(
            Fixtures.gatewayClass(
                """
                apiVersion: gateway.networking.k8s.io/v1
                kind: GatewayClass
                metadata: {name: late-class}
                spec:
                  controllerName: agentgateway.dev/agentgateway
                  parametersRef:
                    group: agentgateway.dev
                    kind: AgentgatewayParameters
                    name: class-b
                    namespace: t6
                """))
        .create();
    await(() -> imageOf("t6", "gw").endsWith(":4.0.0") ? true : null);

    client
        .resource(
            Fixtures.parameters(
                """
                apiVersion: agentgateway.dev/v1alpha1
                kind: AgentgatewayParameters
                metadata: {name: class-b, namespace: t6}
                spec:
                  image: {tag: 4.1.0}
                """))
        .update();
    await(() -> imageOf("t6", "gw").endsWith(":4.1.0") ? true : null);
  }

  @Test
  void workloadKindSwitchReplacesTheDeploymentWithADaemonSetAndBack() {
    applyParameters("t7", "gw-params", "workload: {kind: DaemonSet}");
    Gateway gw = createGateway("t7", "gw", "agentgateway", "gw-params");

    DaemonSet ds = await(() -> get(DaemonSet.class, "t7", "gw"));
    assertOwnedBy(gw, ds);
    assertNull(get(Deployment.class, "t7", "gw"));
    assertEquals("gw", ds.getSpec().getTemplate().getSpec().getServiceAccountName());
    assertEquals(
        Map.of(ProxyResources.GATEWAY_NAME_LABEL, "gw"),
        ds.getSpec().getSelector().getMatchLabels());
    assertFalse(state.infrastructure(new GatewayKey("t7", "gw")).available());

    client
        .apps()
        .daemonSets()
        .inNamespace("t7")
        .withName("gw")
        .editStatus(
            d -> {
              d.setStatus(
                  new DaemonSetStatusBuilder()
                      .withDesiredNumberScheduled(2)
                      .withNumberAvailable(1)
                      .build());
              return d;
            });
    await(() -> state.infrastructure(new GatewayKey("t7", "gw")).available() ? true : null);

    applyParameters("t7", "gw-params", "workload: {kind: Deployment}");
    await(() -> get(Deployment.class, "t7", "gw"));
    await(() -> get(DaemonSet.class, "t7", "gw") == null ? true : null);
  }

  @Test
  void podDisruptionBudgetAndAutoscalerAppearWithTheirOverlaysAndGoWithout() {
    applyParameters(
        "t8",
        "gw-params",
        """
        podDisruptionBudget: {spec: {maxUnavailable: 1}}
        horizontalPodAutoscaler: {spec: {minReplicas: 2, maxReplicas: 4}}
        """);
    Gateway gw = createGateway("t8", "gw", "agentgateway", "gw-params");

    PodDisruptionBudget pdb = await(() -> get(PodDisruptionBudget.class, "t8", "gw"));
    HorizontalPodAutoscaler hpa = await(() -> get(HorizontalPodAutoscaler.class, "t8", "gw"));
    assertOwnedBy(gw, pdb);
    assertOwnedBy(gw, hpa);
    assertEquals(
        Map.of(ProxyResources.GATEWAY_NAME_LABEL, "gw"),
        pdb.getSpec().getSelector().getMatchLabels());
    assertEquals(1, pdb.getSpec().getMaxUnavailable().getIntVal());
    assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
    assertEquals("gw", hpa.getSpec().getScaleTargetRef().getName());
    assertEquals(4, hpa.getSpec().getMaxReplicas());

    applyParameters("t8", "gw-params", "podDisruptionBudget: {spec: {maxUnavailable: 1}}");
    await(() -> get(HorizontalPodAutoscaler.class, "t8", "gw") == null ? true : null);
    assertNotNull(get(PodDisruptionBudget.class, "t8", "gw"));

    applyParameters("t8", "gw-params", "logging: {level: debug}");
    await(() -> get(PodDisruptionBudget.class, "t8", "gw") == null ? true : null);
    assertNotNull(get(Deployment.class, "t8", "gw"));
  }

  @Test
  void sessionKeySecretIsCreatedOnceAndKeptAcrossReconciles() {
    applyParameters("t9", "gw-params", "image: {tag: 1.0.0}");
    Gateway gw = createGateway("t9", "gw", "agentgateway", "gw-params");

    Secret secret = await(() -> get(Secret.class, "t9", "gw-session-key"));
    assertOwnedBy(gw, secret);
    assertEquals("Opaque", secret.getType());
    assertEquals("gw", secret.getMetadata().getLabels().get(ProxyResources.GATEWAY_NAME_LABEL));
    String key = SessionKey.of(secret);
    assertTrue(key.matches("[0-9a-f]{64}"), "32 random bytes in hex");
    Deployment deployment =
        await(
            () -> {
              Deployment d = get(Deployment.class, "t9", "gw");
              return d != null && envVar(d, "SESSION_KEY") != null ? d : null;
            });
    assertEquals(
        "gw-session-key",
        envVar(deployment, "SESSION_KEY").getValueFrom().getSecretKeyRef().getName());
    assertEquals(
        ResourceNames.sha256Hex(key),
        deployment
            .getSpec()
            .getTemplate()
            .getMetadata()
            .getAnnotations()
            .get("checksum/session-key"));

    applyParameters("t9", "gw-params", "image: {tag: 2.0.0}");
    await(() -> imageOf("t9", "gw").endsWith(":2.0.0") ? true : null);
    Secret after = get(Secret.class, "t9", "gw-session-key");
    assertEquals(key, SessionKey.of(after));
    assertEquals(
        secret.getMetadata().getResourceVersion(), after.getMetadata().getResourceVersion());
  }

  @Test
  void userSessionKeyEnvSuppressesTheGeneratedSecret() {
    applyParameters("t10", "gw-params", "env: [{name: SESSION_KEY, value: from-user}]");
    createGateway("t10", "gw", "agentgateway", "gw-params");
    Deployment deployment = await(() -> get(Deployment.class, "t10", "gw"));
    assertEquals("from-user", env(deployment, "SESSION_KEY"));
    assertNull(
        deployment
            .getSpec()
            .getTemplate()
            .getMetadata()
            .getAnnotations()
            .get("checksum/session-key"));
    assertNull(get(Secret.class, "t10", "gw-session-key"));

    // Dropping the user's key brings the generated one; setting it again removes that Secret.
    applyParameters("t10", "gw-params", "logging: {level: debug}");
    await(() -> get(Secret.class, "t10", "gw-session-key"));
    applyParameters("t10", "gw-params", "env: [{name: SESSION_KEY, value: again}]");
    await(() -> get(Secret.class, "t10", "gw-session-key") == null ? true : null);
    await(
        () -> "again".equals(env(get(Deployment.class, "t10", "gw"), "SESSION_KEY")) ? true : null);
  }

  /** Creates or replaces the parameters {@code ns/name} with {@code specYaml} as their spec. */
  private static void applyParameters(String ns, String name, String specYaml) {
    AgentgatewayParameters params =
        Fixtures.parameters(
            """
            apiVersion: agentgateway.dev/v1alpha1
            kind: AgentgatewayParameters
            metadata: {name: %s, namespace: %s}
            spec: {}
            """
                .formatted(name, ns));
    params.setSpec(Fixtures.read(specYaml, AgentgatewayParametersSpec.class));
    client.resource(params).createOr(NonDeletingOperation::update);
  }

  private static AgentgatewayParameters createParameters(String ns, String name, String image) {
    return client
        .resource(
            Fixtures.parameters(
                """
                apiVersion: agentgateway.dev/v1alpha1
                kind: AgentgatewayParameters
                metadata: {name: %s, namespace: %s}
                spec:
                  image: {%s}
                """
                    .formatted(name, ns, image)))
        .create();
  }

  private static Gateway createGateway(String ns, String name, String className, String params) {
    String infra =
        params == null
            ? ""
            : """
              infrastructure:
                parametersRef: {group: agentgateway.dev, kind: AgentgatewayParameters, name: %s}
            """
                .formatted(params);
    return client
        .resource(
            Fixtures.gateway(
                """
                apiVersion: gateway.networking.k8s.io/v1
                kind: Gateway
                metadata: {name: %s, namespace: %s}
                spec:
                  gatewayClassName: %s
                %s  listeners:
                  - {name: http, port: 80, protocol: HTTP}
                  - {name: alt, port: 8080, protocol: HTTP}
                """
                    .formatted(name, ns, className, infra)))
        .create();
  }

  private static String imageOf(String ns, String name) {
    Deployment d = get(Deployment.class, ns, name);
    return d == null ? "" : d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
  }

  private static String env(Deployment d, String name) {
    EnvVar var = envVar(d, name);
    if (var == null) {
      throw new AssertionError("no " + name + " in the proxy's environment");
    }
    return var.getValue();
  }

  private static EnvVar envVar(Deployment d, String name) {
    return d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .findFirst()
        .orElse(null);
  }

  private static <T extends HasMetadata> T get(Class<T> type, String ns, String name) {
    return client.resources(type).inNamespace(ns).withName(name).get();
  }

  private static void assertOwnedBy(Gateway gw, HasMetadata owned) {
    List<OwnerReference> refs = owned.getMetadata().getOwnerReferences();
    assertNotNull(refs, owned.getKind() + " has no owner");
    assertEquals(1, refs.size());
    OwnerReference ref = refs.get(0);
    assertEquals("Gateway", ref.getKind());
    assertEquals("gateway.networking.k8s.io/v1", ref.getApiVersion());
    assertEquals(gw.getMetadata().getName(), ref.getName());
    assertEquals(gw.getMetadata().getUid(), ref.getUid());
    assertEquals(true, ref.getController());
    assertEquals(true, ref.getBlockOwnerDeletion());
  }

  /** Polls until {@code probe} returns non-null; fails after 30 s. */
  private static <T> T await(Supplier<T> probe) {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (System.nanoTime() < deadline) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("condition not met within 30 s");
  }
}
