package dev.agentgateway.helm;

import dev.agentgateway.control.ControllerRuntime;
import dev.agentgateway.control.config.ControllerSettings;
import dev.agentgateway.control.gatewayapi.ListenerSet;
import dev.agentgateway.crds.backend.AgentgatewayBackend;
import dev.agentgateway.crds.parameters.AgentgatewayParameters;
import dev.agentgateway.crds.policy.AgentgatewayPolicy;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.ReferenceGrant;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;

/**
 * A Kubernetes API (the fabric8 mock in CRUD mode; no server-side apply, no garbage collector, no
 * authorization) with the real controller running against it. Every request the controller's own
 * client sends is recorded as an {@link ApiCall}; the test's requests are not.
 */
final class MockCluster implements AutoCloseable {
  private static final String CONTROLLER_AGENT = "agentgateway-controller-under-test";
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final Map<String, Class<? extends HasMetadata>> KINDS =
      Map.ofEntries(
          Map.entry("Namespace", Namespace.class),
          Map.entry("Service", Service.class),
          Map.entry("EndpointSlice", EndpointSlice.class),
          Map.entry("GatewayClass", GatewayClass.class),
          Map.entry("Gateway", Gateway.class),
          Map.entry("HTTPRoute", HTTPRoute.class),
          Map.entry("GRPCRoute", GRPCRoute.class),
          Map.entry("ReferenceGrant", ReferenceGrant.class),
          Map.entry("ListenerSet", ListenerSet.class),
          Map.entry("AgentgatewayBackend", AgentgatewayBackend.class),
          Map.entry("AgentgatewayParameters", AgentgatewayParameters.class),
          Map.entry("AgentgatewayPolicy", AgentgatewayPolicy.class));

  private final List<AutoCloseable> cleanup = new ArrayList<>();
  private final Recording recording = new Recording();
  private final KubernetesClient client;
  private final KubernetesClient controllerClient;
  private ControllerRuntime controller;

  /** The API server's own view, for the test: its requests are not recorded. */
  KubernetesClient client() {
    return client;
  }

  /** The client the controller uses: its requests are recorded. */
  KubernetesClient controllerClient() {
    return controllerClient;
  }

  MockCluster() {
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(), new MockWebServer(), new HashMap<>(), recording, false);
    server.init();
    cleanup.addFirst(server::destroy);
    client = server.createClient();
    cleanup.addFirst(client);
    controllerClient =
        new KubernetesClientBuilder()
            .withConfig(
                new ConfigBuilder(client.getConfiguration())
                    .withUserAgent(CONTROLLER_AGENT)
                    .build())
            .build();
    cleanup.addFirst(controllerClient);
    // Gateway API 1.5+ serves ListenerSets: the controller watches them only where it is served.
    client
        .apiextensions()
        .v1()
        .customResourceDefinitions()
        .resource(
            new CustomResourceDefinitionBuilder()
                .withNewMetadata()
                .withName("listenersets.gateway.networking.k8s.io")
                .endMetadata()
                .withNewSpec()
                .withGroup("gateway.networking.k8s.io")
                .withScope("Namespaced")
                .withNewNames()
                .withKind("ListenerSet")
                .withPlural("listenersets")
                .endNames()
                .addNewVersion()
                .withName("v1")
                .withServed(true)
                .withStorage(true)
                .endVersion()
                .endSpec()
                .build())
        .create();
  }

  /**
   * Starts the controller with {@code env} (the environment the chart renders), on free ports and
   * without server-side apply (the mock lacks it).
   */
  ControllerRuntime startController(Map<String, String> env) {
    ControllerSettings settings = ControllerSettings.fromEnv(env).withPorts(0, 0, 0);
    controller = ControllerRuntime.start(settings, env, controllerClient, false, () -> {});
    cleanup.addFirst(this::stopController);
    return controller;
  }

  /** Stops the controller (releasing its Lease); idempotent. */
  void stopController() {
    if (controller != null) {
      controller.close();
      controller = null;
    }
  }

  /** The controller's requests so far, in order. */
  List<ApiCall> controllerCalls() {
    return List.copyOf(recording.calls);
  }

  /** Creates each object of {@code yaml} (documents separated by ---), or updates it. */
  List<HasMetadata> apply(String yaml) {
    List<HasMetadata> applied = new ArrayList<>();
    for (Map<String, Object> doc : Charts.documents(yaml)) {
      Class<? extends HasMetadata> type = KINDS.get(String.valueOf(doc.get("kind")));
      if (type == null) {
        throw new IllegalArgumentException("no model class for kind " + doc.get("kind"));
      }
      var serialization = client.getKubernetesSerialization();
      HasMetadata object = serialization.unmarshal(serialization.asJson(doc), type);
      applied.add(client.resource(object).createOr(NonDeletingOperation::update));
    }
    return applied;
  }

  /** The live object, or null. */
  <T extends HasMetadata> T get(Class<T> type, String namespace, String name) {
    return namespace == null
        ? client.resources(type).withName(name).get()
        : client.resources(type).inNamespace(namespace).withName(name).get();
  }

  /** Polls {@code probe} until it answers non-null (or true), failing after 30 s. */
  static <T> T await(String what, Supplier<T> probe) {
    return await(what, WAIT, probe);
  }

  /** Polls {@code probe} until it answers non-null (or true), failing after {@code wait}. */
  static <T> T await(String what, Duration wait, Supplier<T> probe) {
    Instant deadline = Instant.now().plus(wait);
    while (true) {
      T value = probe.get();
      if (value != null && !Boolean.FALSE.equals(value)) {
        return value;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for " + what);
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for " + what, e);
      }
    }
  }

  @Override
  public void close() {
    for (AutoCloseable c : cleanup) {
      try {
        c.close();
      } catch (Exception e) {
        // keep closing the rest
      }
    }
    cleanup.clear();
  }

  /** The CRUD dispatcher, noting each request of the controller's client first. */
  private static final class Recording extends KubernetesCrudDispatcher {
    final List<ApiCall> calls = new CopyOnWriteArrayList<>();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
      if (CONTROLLER_AGENT.equals(request.getHeader("User-Agent"))) {
        calls.add(ApiCall.of(request.getMethod(), request.getPath()));
      }
      return super.dispatch(request);
    }
  }
}
