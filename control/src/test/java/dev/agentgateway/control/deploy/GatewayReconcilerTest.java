package dev.agentgateway.control.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.control.translate.Infrastructure;
import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.crds.parameters.AgentgatewayParameters;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.Operator;
import java.time.Duration;
import java.util.List;
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
    return d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
        .filter(e -> e.getName().equals(name))
        .findFirst()
        .orElseThrow()
        .getValue();
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
