package dev.agentgateway.e2e;

import dev.agentgateway.control.ControllerRuntime;
import dev.agentgateway.control.config.ControllerSettings;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.util.HashMap;
import java.util.Map;

/**
 * The fabric8 mock API server in CRUD mode with the real controller running against it (no leader
 * election, no xDS auth, ephemeral ports): what every end-to-end test starts from.
 */
final class ControlPlane implements AutoCloseable {
  private final KubernetesMockServer server;
  private final KubernetesClient client;
  private final ControllerRuntime controller;

  private ControlPlane(
      KubernetesMockServer server, KubernetesClient client, ControllerRuntime controller) {
    this.server = server;
    this.client = client;
    this.controller = controller;
  }

  /**
   * Starts the API server and the controller.
   *
   * @param listenerSets whether the API server serves ListenerSets (the controller watches them
   *     only then, so the CRD must exist before it starts)
   */
  static ControlPlane start(boolean listenerSets) {
    KubernetesMockServer server =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    server.init();
    KubernetesClient client = server.createClient();
    try {
      if (listenerSets) {
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
      ControllerRuntime controller =
          ControllerRuntime.start(
              ControllerSettings.fromEnv(Map.of()).withPorts(0, 0, 0).withLeaderElection(false),
              Map.of("AGW_XDS_AUTH", "false"),
              client,
              false, // the mock API server has no server-side apply
              () -> {});
      return new ControlPlane(server, client, controller);
    } catch (RuntimeException e) {
      client.close();
      server.destroy();
      throw e;
    }
  }

  KubernetesClient client() {
    return client;
  }

  ControllerRuntime controller() {
    return controller;
  }

  /** A Service with one port whose only, ready endpoint is {@code 127.0.0.1:targetPort}. */
  void service(String namespace, String name, String portName, int port, int targetPort) {
    client
        .resource(
            new ServiceBuilder()
                .withNewMetadata()
                .withNamespace(namespace)
                .withName(name)
                .endMetadata()
                .withNewSpec()
                .addNewPort()
                .withName(portName)
                .withPort(port)
                .endPort()
                .endSpec()
                .build())
        .create();
    client
        .resource(
            new EndpointSliceBuilder()
                .withNewMetadata()
                .withNamespace(namespace)
                .withName(name + "-1")
                .addToLabels("kubernetes.io/service-name", name)
                .endMetadata()
                .withAddressType("IPv4")
                .addNewPort()
                .withName(portName)
                .withPort(targetPort)
                .endPort()
                .addNewEndpoint()
                .withAddresses("127.0.0.1")
                .withNewConditions()
                .withReady(true)
                .endConditions()
                .endEndpoint()
                .build())
        .create();
  }

  @Override
  public void close() {
    try {
      controller.close();
    } catch (Exception e) {
      // still stop the API server
    }
    client.close();
    server.destroy();
  }
}
