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
}
