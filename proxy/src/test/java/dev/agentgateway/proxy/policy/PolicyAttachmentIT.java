package dev.agentgateway.proxy.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentgateway.proxy.ProxyRuntime;
import dev.agentgateway.proxy.testing.ShellTesting;
import io.helidon.webserver.WebServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Top-level {@code policies:} in a standalone file reach the routes they target through the whole
 * proxy: a gateway-wide header, a route override, and a rule-only direct response.
 */
class PolicyAttachmentIT {

  @Test
  void topLevelPoliciesReachTheirTargetsMostSpecificFirst() throws Exception {
    WebServer upstream =
        ShellTesting.upstream(
            r ->
                r.any(
                    (req, res) ->
                        res.send(
                            req.headers()
                                .first(io.helidon.http.HeaderNames.create("x-level"))
                                .orElse("none"))));
    int port = ShellTesting.freePort();
    try {
      String yaml =
          ShellTesting.LOOPBACK_ADMIN
              + """
              binds:
              - port: %d
                listeners:
                - name: main
                  routes:
                  - name: plain
                    matches: [{path: {pathPrefix: /plain}}]
                    backends: [{host: "127.0.0.1:%d"}]
                  - name: special
                    ruleName: kept
                    matches: [{path: {pathPrefix: /special}}]
                    backends: [{host: "127.0.0.1:%d"}]
                  - name: special
                    ruleName: closed
                    matches: [{path: {pathPrefix: /closed}}]
                    backends: [{host: "127.0.0.1:%d"}]
              policies:
              - name: gateway-header
                target: {gateway: {gatewayName: default}}
                policy:
                  requestHeaderModifier: {set: {x-level: gateway}}
              - name: route-header
                target: {route: {name: special}}
                policy:
                  requestHeaderModifier: {set: {x-level: route}}
              - name: closed-rule
                target: {route: {name: special, ruleName: closed}}
                policy:
                  directResponse: {status: 503, body: "closed for maintenance"}
              """
                  .formatted(port, upstream.port(), upstream.port(), upstream.port());
      try (ProxyRuntime proxy = ShellTesting.start(ShellTesting.parse(yaml), null)) {
        String base = "http://127.0.0.1:" + port;
        assertEquals("gateway", ShellTesting.get(base + "/plain").body());
        assertEquals("route", ShellTesting.get(base + "/special").body());
        HttpResponse<String> closed = ShellTesting.get(base + "/closed");
        assertEquals(503, closed.statusCode());
        assertEquals("closed for maintenance", closed.body());
      }
    } finally {
      upstream.stop();
    }
  }

  @Test
  void anOverridePolicyKeepsItsFieldsAgainstTheRoutes() throws Exception {
    WebServer upstream = ShellTesting.upstreamSaying("upstream");
    int port = ShellTesting.freePort();
    try {
      String yaml =
          ShellTesting.LOOPBACK_ADMIN
              + """
              binds:
              - port: %d
                listeners:
                - name: main
                  routes:
                  - name: api
                    backends: [{host: "127.0.0.1:%d"}]
              policies:
              - name: gateway
                target: {gateway: {gatewayName: default}}
                policy:
                  directResponse: {status: 503, body: "gateway says"}
              - name: route
                target: {route: {name: api}}
                policy:
                  directResponse: {status: 200, body: "route says"}
              """
                  .formatted(port, upstream.port());
      dev.agentgateway.model.ir.GatewayConfig parsed = ShellTesting.parse(yaml);
      try (ProxyRuntime proxy = ShellTesting.start(parsed, null)) {
        assertEquals("route says", ShellTesting.get("http://127.0.0.1:" + port + "/").body());
      }
      // xDS carries strategy.inheritance; the standalone schema has no field for it
      java.util.List<dev.agentgateway.model.ir.Policy> overridden =
          parsed.policies().stream()
              .map(
                  p ->
                      p.name().equals("gateway")
                          ? new dev.agentgateway.model.ir.Policy(
                              p.key(),
                              p.name(),
                              p.target(),
                              p.policy(),
                              p.phase(),
                              dev.agentgateway.model.ir.Policy.Inheritance.OVERRIDE)
                          : p)
              .toList();
      dev.agentgateway.model.ir.GatewayConfig config =
          new dev.agentgateway.model.ir.GatewayConfig(
              parsed.config(),
              parsed.frontendHttp(),
              parsed.binds(),
              parsed.listeners(),
              parsed.routes(),
              overridden,
              parsed.endpoints());
      try (ProxyRuntime proxy = ShellTesting.start(config, null)) {
        HttpResponse<String> r = ShellTesting.get("http://127.0.0.1:" + port + "/");
        assertEquals(503, r.statusCode());
        assertEquals("gateway says", r.body());
      }
    } finally {
      upstream.stop();
    }
  }
}
