package dev.agentgateway.model.xds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.AccessLogPolicy;
import dev.agentgateway.model.ir.FrontendHttp;
import dev.agentgateway.model.ir.FrontendPolicies;
import dev.agentgateway.model.ir.FrontendTls;
import dev.agentgateway.model.ir.Policy;
import dev.agentgateway.model.ir.PolicyTarget;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.ir.TcpKeepalive;
import dev.agentgateway.model.ir.TelemetryFields;
import dev.agentgateway.model.ir.TlsVersion;
import dev.agentgateway.model.ir.TracingConfig;
import dev.agentgateway.model.xds.proto.Resource;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrontendProtoRoundTripTest {

  private static Object wire(Resource resource) throws Exception {
    return ProtoToIr.decode(Resource.parseFrom(resource.toByteArray()));
  }

  private static Policy gatewayPolicy(FrontendPolicies frontend) {
    return new Policy(
        "ns/p:gateway:ns/gw",
        "ns/p",
        new PolicyTarget(PolicyTarget.Kind.GATEWAY, "ns/gw", null),
        RoutePolicies.NONE,
        frontend);
  }

  @Test
  void everyFrontendPartRoundTrips() throws Exception {
    Map<String, String> add = new LinkedHashMap<>();
    add.put("user", "request.headers['x-user']");
    add.put("code", "response.code");
    FrontendPolicies frontend =
        new FrontendPolicies(
            new FrontendHttp(4096, 50, 8192, Duration.ofSeconds(30), 1 << 20, 32768),
            new TcpKeepalive(Duration.ofSeconds(60), Duration.ofSeconds(5), 3),
            new FrontendTls(
                Duration.ofMillis(500),
                List.of("http/1.1"),
                List.of("TLS_AES_128_GCM_SHA256"),
                TlsVersion.TLS_1_3,
                TlsVersion.TLS_1_3),
            new AccessLogPolicy(
                "response.code >= 400", new TelemetryFields(add, List.of("http.host"))),
            new TracingConfig(
                "http://collector:4318",
                TracingConfig.Protocol.HTTP,
                Map.of("x-key", "k"),
                "/otlp/v1/traces",
                "0.5",
                "false",
                new TelemetryFields(Map.of("team", "'a'"), List.of("endpoint"))));
    Policy policy = gatewayPolicy(frontend);
    Object back = wire(IrToProto.resource(policy));
    assertEquals(policy, back);
    // Field order of added fields is kept: it is the output order of a log line.
    assertEquals(
        List.of("user", "code"),
        List.copyOf(((Policy) back).frontend().accessLog().fields().add().keySet()));
  }

  @Test
  void absentPartsStayAbsentAndDefaultsComeBack() throws Exception {
    FrontendPolicies frontend =
        new FrontendPolicies(
            FrontendHttp.DEFAULT,
            new TcpKeepalive(null, null, null),
            new FrontendTls(null, null, null, null, null),
            new AccessLogPolicy(null, null),
            new TracingConfig("http://c:4317", null, null, null, null, null, null));
    Policy policy = gatewayPolicy(frontend);
    assertEquals(policy, wire(IrToProto.resource(policy)));
    Policy onlyTracing =
        gatewayPolicy(new FrontendPolicies(null, null, null, null, frontend.tracing()));
    Policy back = (Policy) wire(IrToProto.resource(onlyTracing));
    assertEquals(onlyTracing, back);
    assertEquals(null, back.frontend().http());
  }

  @Test
  void policyWithoutFrontendRoundTripsAsNull() throws Exception {
    Policy policy =
        new Policy(
            "p", null, new PolicyTarget(PolicyTarget.Kind.ROUTE, "ns/r", null), RoutePolicies.NONE);
    assertEquals(null, ((Policy) wire(IrToProto.resource(policy))).frontend());
  }

  @Test
  void badTracingEndpointIsRejectedNamingTheField() {
    var proto =
        IrToProto.resource(
            gatewayPolicy(
                new FrontendPolicies(
                    null,
                    null,
                    null,
                    null,
                    new TracingConfig("http://c:4317", null, null, null, null, null, null))))
            .toBuilder();
    proto
        .getPolicyBuilder()
        .getFrontendBuilder()
        .getTracingBuilder()
        .setOtlpEndpoint("collector:4317");
    InvalidResourceException e =
        assertThrows(InvalidResourceException.class, () -> ProtoToIr.decode(proto.build()));
    assertTrue(e.getMessage().contains("frontend.tracing"), e.getMessage());
  }

  @Test
  void tooSmallFrameSizeIsRejectedNamingTheField() {
    var proto =
        IrToProto.resource(
            gatewayPolicy(new FrontendPolicies(FrontendHttp.DEFAULT, null, null, null, null)))
            .toBuilder();
    proto.getPolicyBuilder().getFrontendBuilder().getHttpBuilder().setHttp2FrameSize(1024);
    InvalidResourceException e =
        assertThrows(InvalidResourceException.class, () -> ProtoToIr.decode(proto.build()));
    assertTrue(e.getMessage().contains("frontend.http"), e.getMessage());
  }
}
