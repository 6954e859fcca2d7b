package dev.agentgateway.proxy.xds;

import static dev.agentgateway.proxy.testing.ShellTesting.LOOPBACK_ADMIN;
import static dev.agentgateway.proxy.testing.ShellTesting.bodyOrError;
import static dev.agentgateway.proxy.testing.ShellTesting.eventually;
import static dev.agentgateway.proxy.testing.ShellTesting.freePort;
import static dev.agentgateway.proxy.testing.ShellTesting.parse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Any;
import com.google.protobuf.Message;
import dev.agentgateway.model.config.ConfigJson;
import dev.agentgateway.model.config.LocalConfigLoader;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.xds.IrToProto;
import dev.agentgateway.model.xds.XdsResources;
import dev.agentgateway.model.xds.envoy.DeltaDiscoveryRequest;
import dev.agentgateway.model.xds.envoy.DeltaDiscoveryResponse;
import dev.agentgateway.model.xds.envoy.Resource;
import dev.agentgateway.model.xds.proto.PathMatch;
import dev.agentgateway.model.xds.proto.RouteMatch;
import dev.agentgateway.proxy.ProxyRuntime;
import dev.agentgateway.proxy.server.BindCustomizer;
import io.helidon.webserver.WebServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The proxy subscribed to a real Delta ADS server on loopback, serving real upstreams. */
class XdsClientIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final String ROLE = "team-a~gw";

  private final List<AutoCloseable> cleanup = new ArrayList<>();
  private ScriptedAdsServer ads;
  private WebServer upstreamA;
  private WebServer upstreamB;
  private int bindPort;
  private ProxyRuntime proxy;

  @BeforeEach
  void setUp() throws Exception {
    upstreamA = dev.agentgateway.proxy.testing.ShellTesting.upstreamSaying("from-a");
    upstreamB = dev.agentgateway.proxy.testing.ShellTesting.upstreamSaying("from-b");
    cleanup.add(upstreamA::stop);
    cleanup.add(upstreamB::stop);
    ads = new ScriptedAdsServer(ROLE).start(0);
    cleanup.add(ads);
    bindPort = freePort();
    Map<String, String> env =
        Map.of(
            "XDS_ADDRESS", "http://127.0.0.1:" + ads.port(),
            "NAMESPACE", "team-a",
            "GATEWAY", "gw",
            "POD_NAME", "gw-1",
            "POD_NAMESPACE", "team-a",
            "INSTANCE_IP", "10.0.0.7");
    proxy =
        ProxyRuntime.start(
            new ProxyRuntime.Settings(
                parse(LOOPBACK_ADMIN),
                null,
                new LocalConfigLoader(Map.of())::parse,
                "test",
                null,
                BindCustomizer.NONE,
                ConfigJson::render,
                XdsSettings.fromEnv(env)));
    cleanup.addFirst(proxy);
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
  void pushedConfigServesTrafficAndRouteChangesAreAcked() throws Exception {
    DeltaDiscoveryRequest first = ads.nextRequest(WAIT);
    assertNotNull(first, "the proxy subscribed");
    assertEquals(XdsResources.TYPE_URL, first.getTypeUrl());
    assertEquals(
        "agentgateway~10.0.0.7~gw-1.team-a~team-a.svc.cluster.local", first.getNode().getId());
    assertTrue(first.getResourceNamesSubscribeList().isEmpty(), "wildcard");
    assertTrue(first.getInitialResourceVersionsMap().isEmpty());
    assertFalse(proxy.ready(), "not ready before the first response");
    assertEquals(503, readiness());

    ads.push(response("n1", config(upstreamA.port()), "v1"));
    assertAck(ads.nextRequest(WAIT), "n1");
    assertTrue(eventually(WAIT, () -> "from-a".equals(bodyOrError(url("/")))));
    assertTrue(proxy.ready());
    assertEquals(200, readiness());

    ads.push(response("n2", config(upstreamB.port()), "v2"));
    assertAck(ads.nextRequest(WAIT), "n2");
    assertTrue(eventually(WAIT, () -> "from-b".equals(bodyOrError(url("/")))));
  }

  @Test
  void invalidRouteIsNackedByKeyWhileTheValidOnesServe() throws Exception {
    assertNotNull(ads.nextRequest(WAIT));
    GatewayConfig good = config(upstreamA.port());
    Route route = good.routes().getFirst();
    dev.agentgateway.model.xds.proto.Resource bad =
        IrToProto.resource(route).toBuilder()
            .setRoute(
                IrToProto.route(route).toBuilder()
                    .setKey("bad")
                    .clearMatches()
                    .addMatches(
                        RouteMatch.newBuilder()
                            .setPath(PathMatch.newBuilder().setRegex("(unclosed"))))
            .build();
    DeltaDiscoveryResponse response =
        response("n1", good, "v1").toBuilder()
            .addResources(resource("route/bad", "v1", bad))
            .build();
    ads.push(response);

    DeltaDiscoveryRequest nack = ads.nextRequest(WAIT);
    assertNotNull(nack);
    assertEquals("n1", nack.getResponseNonce());
    assertEquals(3, nack.getErrorDetail().getCode());
    JsonNode errors = new ObjectMapper().readTree(nack.getErrorDetail().getMessage());
    assertEquals(1, errors.size(), nack.getErrorDetail().getMessage());
    assertEquals("route/bad", errors.get(0).get("key").asText());
    assertTrue(errors.get(0).get("error").asText().contains("regex"), errors.toString());
    assertTrue(eventually(WAIT, () -> "from-a".equals(bodyOrError(url("/")))));
    assertTrue(proxy.ready());
    assertFalse(proxy.xds().versions().containsKey("route/bad"));
  }

  @Test
  void keepsServingWhileDisconnectedAndResendsItsVersionsOnReconnect() throws Exception {
    assertNotNull(ads.nextRequest(WAIT));
    DeltaDiscoveryResponse response = response("n1", config(upstreamA.port()), "v1");
    ads.push(response);
    assertAck(ads.nextRequest(WAIT), "n1");
    assertTrue(eventually(WAIT, () -> "from-a".equals(bodyOrError(url("/")))));

    int port = ads.port();
    ads.stop();
    assertEquals("from-a", bodyOrError(url("/")), "the last good state serves while disconnected");
    assertTrue(proxy.ready());

    ads.start(port);
    DeltaDiscoveryRequest again = ads.nextRequest(WAIT);
    assertNotNull(again, "the proxy reconnected");
    Map<String, String> expected = new java.util.TreeMap<>();
    response.getResourcesList().forEach(r -> expected.put(r.getName(), r.getVersion()));
    assertEquals(expected, new java.util.TreeMap<>(again.getInitialResourceVersionsMap()));
    assertEquals("from-a", bodyOrError(url("/")));
  }

  private GatewayConfig config(int upstreamPort) {
    return parse(
        """
        binds:
        - port: %d
          listeners:
          - protocol: HTTP
            routes:
            - name: main
              matches:
              - path:
                  pathPrefix: /
              backends:
              - host: 127.0.0.1:%d
        """
            .formatted(bindPort, upstreamPort));
  }

  private static DeltaDiscoveryResponse response(
      String nonce, GatewayConfig config, String version) {
    DeltaDiscoveryResponse.Builder b =
        DeltaDiscoveryResponse.newBuilder().setTypeUrl(XdsResources.TYPE_URL).setNonce(nonce);
    config
        .binds()
        .forEach(
            x -> b.addResources(resource(XdsResources.name(x), version, IrToProto.resource(x))));
    config
        .listeners()
        .forEach(
            x -> b.addResources(resource(XdsResources.name(x), version, IrToProto.resource(x))));
    config
        .routes()
        .forEach(
            x -> b.addResources(resource(XdsResources.name(x), version, IrToProto.resource(x))));
    return b.build();
  }

  private static Resource resource(String name, String version, Message payload) {
    return Resource.newBuilder()
        .setName(name)
        .setVersion(version)
        .setResource(Any.pack(payload))
        .build();
  }

  private static void assertAck(DeltaDiscoveryRequest request, String nonce) {
    assertNotNull(request, "an answer to " + nonce);
    assertEquals(nonce, request.getResponseNonce());
    assertFalse(request.hasErrorDetail(), () -> request.getErrorDetail().getMessage());
  }

  private String url(String path) {
    return "http://127.0.0.1:" + bindPort + path;
  }

  private int readiness() throws Exception {
    return dev.agentgateway.proxy.testing.ShellTesting.get(
            "http://127.0.0.1:" + proxy.port("readiness") + "/healthz/ready")
        .statusCode();
  }
}
