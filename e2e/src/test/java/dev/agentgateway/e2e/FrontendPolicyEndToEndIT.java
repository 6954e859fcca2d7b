package dev.agentgateway.e2e;

import static dev.agentgateway.e2e.E2e.WAIT;
import static dev.agentgateway.e2e.E2e.body;
import static dev.agentgateway.e2e.E2e.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.control.ControllerRuntime;
import dev.agentgateway.crds.common.ConditionStatus;
import dev.agentgateway.crds.policy.AgentgatewayPolicy;
import dev.agentgateway.model.ir.LoggingConfig;
import dev.agentgateway.proxy.ProxyRuntime;
import dev.agentgateway.proxy.telemetry.AccessLog;
import dev.agentgateway.proxy.telemetry.LogLineFormatter;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.helidon.webserver.WebServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An AgentgatewayPolicy {@code frontend} section applied on the mock API server changes what the
 * real proxy logs, over xDS and without a restart: the access log filter and added attributes of a
 * Gateway-level policy, then a changed filter, then the policy deleted.
 */
class FrontendPolicyEndToEndIT {
  private final List<AutoCloseable> cleanup = new ArrayList<>();
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Logger requestLogger = Logger.getLogger(AccessLog.LOGGER_NAME);
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          lines.add(new LogLineFormatter(LoggingConfig.Format.TEXT).format(record));
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };
  private ControlPlane plane;
  private KubernetesClient client;
  private ControllerRuntime controller;
  private int listenerPort;

  @BeforeEach
  void setUp() {
    plane = ControlPlane.start(false);
    cleanup.addFirst(plane);
    client = plane.client();
    controller = plane.controller();
    listenerPort = E2e.freePort();
    requestLogger.addHandler(capture);
    cleanup.addFirst(() -> requestLogger.removeHandler(capture));
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

  /**
   * Sends {@code paths} and returns the paths of the access log lines written meanwhile. A line is
   * written just after its response, so callers retry until the answer settles ({@code
   * eventually}).
   */
  private List<String> logged(String... paths) {
    lines.clear();
    for (String path : paths) {
      assertEquals("ok", body(listenerPort, path));
    }
    List<String> out = new ArrayList<>();
    for (String line : lines) {
      int at = line.indexOf("http.path=");
      out.add(at < 0 ? line : line.substring(at + 10).split(" ")[0]);
    }
    return out;
  }

  @Test
  void frontendAccessLogPolicyChangesWhatTheProxyLogs() throws Exception {
    WebServer upstream = E2e.upstreamSaying("ok");
    cleanup.addFirst(upstream::stop);
    createBackendAndRoute(upstream.port());
    ProxyRuntime proxy =
        E2e.xdsProxy(
            Map.of(
                "XDS_ADDRESS", "http://127.0.0.1:" + controller.xdsPort(),
                "NAMESPACE", "apps",
                "GATEWAY", "gw"));
    cleanup.addFirst(proxy);
    assertTrue(eventually(WAIT, () -> "ok".equals(body(listenerPort, "/echo/a"))), "traffic");

    apply(policy("request.path == \"/echo/a\""));
    assertTrue(
        eventually(WAIT, () -> proxy.state().get().config().policies().size() == 1),
        "the policy reaches the proxy");
    assertTrue(
        eventually(WAIT, () -> logged("/echo/a", "/echo/b").equals(List.of("/echo/a"))),
        "only the filter's path is logged");
    assertTrue(eventually(WAIT, () -> accepted("filtered")), "the policy is Accepted: " + status());
    lines.clear();
    assertEquals("ok", body(listenerPort, "/echo/a"));
    assertTrue(eventually(WAIT, () -> !lines.isEmpty()));
    assertTrue(lines.getFirst().contains("team=payments"), lines.toString());

    apply(policy("request.path == \"/echo/b\""));
    assertTrue(
        eventually(WAIT, () -> logged("/echo/a", "/echo/b").equals(List.of("/echo/b"))),
        "the changed filter applies without a restart");

    client.resources(AgentgatewayPolicy.class).inNamespace("apps").withName("filtered").delete();
    assertTrue(
        eventually(WAIT, () -> logged("/echo/a", "/echo/b").size() == 2),
        "without the policy every request is logged again");
    assertFalse(lines.getLast().contains("team="), lines.toString());
  }

  private boolean accepted(String name) {
    AgentgatewayPolicy p =
        client.resources(AgentgatewayPolicy.class).inNamespace("apps").withName(name).get();
    return p != null
        && p.getStatus() != null
        && p.getStatus().ancestors() != null
        && p.getStatus().ancestors().stream()
            .flatMap(a -> a.conditions().stream())
            .anyMatch(c -> c.type().equals("Accepted") && c.status() == ConditionStatus.TRUE);
  }

  private String status() {
    AgentgatewayPolicy p =
        client.resources(AgentgatewayPolicy.class).inNamespace("apps").withName("filtered").get();
    return p == null ? "absent" : String.valueOf(p.getStatus());
  }

  private void apply(AgentgatewayPolicy policy) {
    client.resource(policy).createOr(NonDeletingOperation::update);
  }

  private static AgentgatewayPolicy policy(String filter) {
    return Serialization.unmarshal(
        """
        apiVersion: agentgateway.dev/v1alpha1
        kind: AgentgatewayPolicy
        metadata: {name: filtered, namespace: apps}
        spec:
          targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: gw}]
          frontend:
            accessLog:
              filter: '%s'
              attributes:
                add: [{name: team, expression: '"payments"'}]
        """
            .formatted(filter),
        AgentgatewayPolicy.class);
  }

  private void createBackendAndRoute(int upstreamPort) {
    plane.service("apps", "echo", "http", 80, upstreamPort);
    client
        .resource(
            new GatewayBuilder()
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
                .build())
        .create();
    client
        .resource(
            new HTTPRouteBuilder()
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
                .withName("echo")
                .withPort(80)
                .endBackendRef()
                .endRule()
                .endSpec()
                .build())
        .create();
  }
}
