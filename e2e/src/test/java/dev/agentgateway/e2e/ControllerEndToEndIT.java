package dev.agentgateway.e2e;

import static dev.agentgateway.e2e.E2e.WAIT;
import static dev.agentgateway.e2e.E2e.body;
import static dev.agentgateway.e2e.E2e.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.control.ControllerRuntime;
import dev.agentgateway.control.gatewayapi.ListenerSet;
import dev.agentgateway.control.gatewayapi.ListenerSetSpec;
import dev.agentgateway.control.gatewayapi.ParentGatewayReference;
import dev.agentgateway.crds.backend.A2aBackend;
import dev.agentgateway.crds.backend.AgentgatewayBackend;
import dev.agentgateway.crds.backend.AgentgatewayBackendSpec;
import dev.agentgateway.crds.backend.AgentgatewayBackendStatus;
import dev.agentgateway.crds.backend.McpBackend;
import dev.agentgateway.crds.backend.McpStaticTarget;
import dev.agentgateway.crds.backend.McpTarget;
import dev.agentgateway.crds.backend.StaticBackend;
import dev.agentgateway.crds.common.ConditionStatus;
import dev.agentgateway.proxy.ProxyRuntime;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ServiceStatusBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.AllowedListeners;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRule;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteRuleBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerNamespaces;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.helidon.webserver.WebServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The controller as it runs (informers, translation, status, xDS) against a Kubernetes API (the
 * fabric8 mock in CRUD mode), and a real proxy subscribed to it: Gateway API objects become traffic
 * through the proxy to the Service's endpoints.
 */
class ControllerEndToEndIT {
  private final List<AutoCloseable> cleanup = new ArrayList<>();
  private ControlPlane plane;
  private KubernetesClient client;
  private ControllerRuntime controller;
  private int listenerPort;

  @BeforeEach
  void setUp() {
    plane = ControlPlane.start(true);
    cleanup.addFirst(plane);
    client = plane.client();
    controller = plane.controller();
    listenerPort = E2e.freePort();
  }

  @AfterEach
  void tearDown() {
    for (AutoCloseable c : cleanup) {
      try {
        c.close();
      } catch (Exception e) {
        // keep closing the rest
      }
    }
  }

  @Test
  void gatewayApiObjectsBecomeTrafficAndStatus() throws Exception {
    WebServer a = E2e.upstreamSaying("A");
    cleanup.addFirst(a::stop);
    WebServer b = E2e.upstreamSaying("B");
    cleanup.addFirst(b::stop);
    service("apps", "echo-a", a.port());
    service("apps", "echo-b", b.port());
    client.resource(gateway()).create();
    client.resource(route("echo-a")).create();

    ProxyRuntime proxy =
        E2e.xdsProxy(
            Map.of(
                "XDS_ADDRESS", "http://127.0.0.1:" + controller.xdsPort(),
                "NAMESPACE", "apps",
                "GATEWAY", "gw"));
    cleanup.addFirst(proxy);

    assertTrue(eventually(WAIT, () -> "A".equals(body(listenerPort, "/echo"))), "traffic flows");
    assertTrue(
        eventually(
            WAIT,
            () ->
                accepted(
                    client
                                .resources(HTTPRoute.class)
                                .inNamespace("apps")
                                .withName("echo")
                                .get()
                                .getStatus()
                            == null
                        ? List.of()
                        : client
                            .resources(HTTPRoute.class)
                            .inNamespace("apps")
                            .withName("echo")
                            .get()
                            .getStatus()
                            .getParents()
                            .get(0)
                            .getConditions())),
        "route status written");
    // Statuses are written concurrently: wait for the Gateway's own.
    assertTrue(
        eventually(
            WAIT,
            () -> {
              Gateway current = gateway("gw");
              return current.getStatus() != null
                  && accepted(current.getStatus().getConditions())
                  && current.getStatus().getListeners().get(0).getAttachedRoutes() == 1;
            }),
        "gateway accepted with the route attached");
    Gateway gw = gateway("gw");
    GatewayClass gc = client.resources(GatewayClass.class).withName("agentgateway").get();
    assertTrue(accepted(gc.getStatus().getConditions()), "the class was created and accepted");

    // Provisioning: the proxy's objects, owned by the Gateway (the API server's garbage collector
    // deletes them with it; the mock has none, so ownership is what is checked).
    assertTrue(
        eventually(
            WAIT,
            () -> client.apps().deployments().inNamespace("apps").withName("gw").get() != null),
        "Deployment provisioned");
    Deployment deployment = client.apps().deployments().inNamespace("apps").withName("gw").get();
    assertEquals("Gateway", deployment.getMetadata().getOwnerReferences().get(0).getKind());
    assertEquals(
        gw.getMetadata().getUid(), deployment.getMetadata().getOwnerReferences().get(0).getUid());
    assertTrue(
        eventually(WAIT, () -> client.services().inNamespace("apps").withName("gw").get() != null));
    assertTrue(
        eventually(
            WAIT, () -> client.serviceAccounts().inNamespace("apps").withName("gw").get() != null));
    assertTrue(
        eventually(
            WAIT, () -> client.configMaps().inNamespace("apps").withName("gw").get() != null));
    assertEquals(
        "False", condition(gw, "Programmed").getStatus(), "not programmed before the proxy is up");

    // The Deployment becomes available: the Gateway is Programmed, with the Service's address.
    E2e.retryOnConflict(
        () ->
            client
                .apps()
                .deployments()
                .inNamespace("apps")
                .withName("gw")
                .editStatus(
                    d -> {
                      d.setStatus(
                          new DeploymentStatusBuilder()
                              .withReplicas(1)
                              .withReadyReplicas(1)
                              .withAvailableReplicas(1)
                              .build());
                      return d;
                    }));
    E2e.retryOnConflict(
        () ->
            client
                .services()
                .inNamespace("apps")
                .withName("gw")
                .editStatus(
                    svc -> {
                      svc.setStatus(
                          new ServiceStatusBuilder()
                              .withNewLoadBalancer()
                              .addNewIngress()
                              .withIp("203.0.113.7")
                              .endIngress()
                              .endLoadBalancer()
                              .build());
                      return svc;
                    }));
    assertTrue(
        eventually(WAIT, () -> "True".equals(condition(gateway("gw"), "Programmed").getStatus())),
        "programmed once the proxy is available");
    assertTrue(
        eventually(
            WAIT,
            () ->
                gateway("gw").getStatus().getAddresses().stream()
                    .anyMatch(address -> "203.0.113.7".equals(address.getValue()))),
        () -> "the Service's address: " + gateway("gw").getStatus().getAddresses());

    E2e.retryOnConflict(
        () ->
            client
                .resources(HTTPRoute.class)
                .inNamespace("apps")
                .withName("echo")
                .edit(
                    r -> {
                      r.getSpec().getRules().get(0).getBackendRefs().get(0).setName("echo-b");
                      return r;
                    }));
    assertTrue(
        eventually(WAIT, () -> "B".equals(body(listenerPort, "/echo"))), "route change followed");

    client.resources(Gateway.class).inNamespace("apps").withName("gw").delete();
    assertTrue(
        eventually(WAIT, () -> !"B".equals(body(listenerPort, "/echo"))),
        "the deleted Gateway's listener is gone");
  }

  private Gateway gateway(String name) {
    return client.resources(Gateway.class).inNamespace("apps").withName(name).get();
  }

  private static Condition condition(Gateway gw, String type) {
    return gw.getStatus().getConditions().stream()
        .filter(c -> type.equals(c.getType()))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void staticAgentgatewayBackendCarriesTrafficAndIsAccepted() throws Exception {
    WebServer upstream = E2e.upstreamSaying("static");
    cleanup.addFirst(upstream::stop);
    AgentgatewayBackend backend = new AgentgatewayBackend();
    backend.getMetadata().setNamespace("apps");
    backend.getMetadata().setName("local");
    backend.setSpec(
        new AgentgatewayBackendSpec(
            null,
            null,
            null,
            null,
            null,
            null,
            new StaticBackend("127.0.0.1", upstream.port(), null)));
    client.resource(backend).create();
    client.resource(gateway()).create();
    HTTPRoute route = route("unused");
    route.getSpec().getRules().get(0).getBackendRefs().get(0).setGroup("agentgateway.dev");
    route.getSpec().getRules().get(0).getBackendRefs().get(0).setKind("AgentgatewayBackend");
    route.getSpec().getRules().get(0).getBackendRefs().get(0).setName("local");
    route.getSpec().getRules().get(0).getBackendRefs().get(0).setPort(null);
    client.resource(route).create();
    cleanup.addFirst(proxy());

    assertTrue(
        eventually(WAIT, () -> "static".equals(body(listenerPort, "/echo"))),
        "traffic reaches the static backend's host:port");
    assertTrue(
        eventually(
            WAIT,
            () -> {
              AgentgatewayBackendStatus status =
                  client
                      .resources(AgentgatewayBackend.class)
                      .inNamespace("apps")
                      .withName("local")
                      .get()
                      .getStatus();
              return status != null
                  && status.conditions().stream()
                      .anyMatch(
                          c ->
                              "Accepted".equals(c.type())
                                  && c.status() == ConditionStatus.TRUE
                                  && c.lastTransitionTime() != null);
            }),
        "the AgentgatewayBackend's status says Accepted");
  }

  @Test
  void a2aAndMcpAgentgatewayBackendsReachTheProxyOverXds() throws Exception {
    WebServer agent = E2e.upstreamSaying("agent card");
    cleanup.addFirst(agent::stop);
    client
        .resource(backend("agent", spec(new A2aBackend("127.0.0.1", agent.port()), null)))
        .create();
    McpBackend tools =
        new McpBackend(
            null,
            null,
            null,
            List.of(
                new McpTarget(
                    "remote",
                    null,
                    new McpStaticTarget(null, "127.0.0.1", null, null, agent.port(), null),
                    null)));
    client.resource(backend("tools", spec(null, tools))).create();
    client.resource(gateway()).create();
    HTTPRoute route =
        new HTTPRouteBuilder(route("unused"))
            .editSpec()
            .withRules(backendRule("/agent", "agent"), backendRule("/mcp", "tools"))
            .endSpec()
            .build();
    client.resource(route).create();
    cleanup.addFirst(proxy());

    assertTrue(
        eventually(
            WAIT, () -> "agent card".equals(body(listenerPort, "/agent/.well-known/agent.json"))),
        "an A2A backend passes traffic through");
    // The MCP endpoint itself answers (a GET without Accept: text/event-stream is refused).
    assertTrue(
        eventually(
            WAIT, () -> "Accept must include text/event-stream".equals(body(listenerPort, "/mcp"))),
        "the MCP backend reached the proxy");
  }

  private static AgentgatewayBackend backend(String name, AgentgatewayBackendSpec spec) {
    AgentgatewayBackend backend = new AgentgatewayBackend();
    backend.getMetadata().setNamespace("apps");
    backend.getMetadata().setName(name);
    backend.setSpec(spec);
    return backend;
  }

  private static AgentgatewayBackendSpec spec(A2aBackend a2a, McpBackend mcp) {
    return new AgentgatewayBackendSpec(a2a, null, null, null, mcp, null, null);
  }

  private static HTTPRouteRule backendRule(String prefix, String backend) {
    return new HTTPRouteRuleBuilder()
        .addNewMatch()
        .withNewPath()
        .withType("PathPrefix")
        .withValue(prefix)
        .endPath()
        .endMatch()
        .addNewBackendRef()
        .withGroup("agentgateway.dev")
        .withKind("AgentgatewayBackend")
        .withName(backend)
        .endBackendRef()
        .build();
  }

  @Test
  void listenerSetListenerServesRoutesAttachedToIt() throws Exception {
    WebServer upstream = E2e.upstreamSaying("set");
    cleanup.addFirst(upstream::stop);
    service("apps", "echo-set", upstream.port());
    Gateway gw = gateway();
    gw.getSpec().setAllowedListeners(new AllowedListeners(new ListenerNamespaces("Same", null)));
    client.resource(gw).create();
    int setPort = E2e.freePort();
    ListenerSet set = new ListenerSet();
    set.getMetadata().setNamespace("apps");
    set.getMetadata().setName("team");
    set.setSpec(
        new ListenerSetSpec(
            new ParentGatewayReference(null, null, "gw", null),
            List.of(
                new ListenerBuilder()
                    .withName("extra")
                    .withPort(setPort)
                    .withProtocol("HTTP")
                    .build())));
    client.resource(set).create();
    HTTPRoute route = route("echo-set");
    route.getSpec().getParentRefs().get(0).setKind("ListenerSet");
    route.getSpec().getParentRefs().get(0).setName("team");
    client.resource(route).create();
    cleanup.addFirst(proxy());

    assertTrue(
        eventually(WAIT, () -> "set".equals(body(setPort, "/echo"))),
        "the ListenerSet's port serves the route attached to it");
    assertTrue(
        eventually(
            WAIT,
            () -> {
              ListenerSet current =
                  client.resources(ListenerSet.class).inNamespace("apps").withName("team").get();
              return current.getStatus() != null
                  && accepted(current.getStatus().conditions())
                  && current.getStatus().listeners().get(0).getAttachedRoutes() == 1;
            }),
        "the ListenerSet's status says Accepted with one attached route");
  }

  private ProxyRuntime proxy() throws Exception {
    return E2e.xdsProxy(
        Map.of(
            "XDS_ADDRESS", "http://127.0.0.1:" + controller.xdsPort(),
            "NAMESPACE", "apps",
            "GATEWAY", "gw"));
  }

  private static boolean accepted(List<Condition> conditions) {
    return conditions.stream()
        .anyMatch(c -> "Accepted".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private void service(String ns, String name, int port) {
    plane.service(ns, name, "http", 80, port);
  }

  private Gateway gateway() {
    return new GatewayBuilder()
        .withNewMetadata()
        .withNamespace("apps")
        .withName("gw")
        .endMetadata()
        .withNewSpec()
        .withGatewayClassName("agentgateway")
        .addNewListener()
        .withName("http")
        .withPort(listenerPort)
        .withProtocol("HTTP")
        .endListener()
        .endSpec()
        .build();
  }

  private static HTTPRoute route(String service) {
    return new HTTPRouteBuilder()
        .withNewMetadata()
        .withNamespace("apps")
        .withName("echo")
        .endMetadata()
        .withNewSpec()
        .addNewParentRef()
        .withName("gw")
        .endParentRef()
        .addNewRule()
        .addNewMatch()
        .withNewPath()
        .withType("PathPrefix")
        .withValue("/echo")
        .endPath()
        .endMatch()
        .addNewBackendRef()
        .withName(service)
        .withPort(80)
        .endBackendRef()
        .endRule()
        .endSpec()
        .build();
  }
}
