package dev.agentgateway.model.xds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.xds.proto.AiProvider;
import dev.agentgateway.model.xds.proto.Backend;
import dev.agentgateway.model.xds.proto.Bind;
import dev.agentgateway.model.xds.proto.DirectResponse;
import dev.agentgateway.model.xds.proto.HeaderMatch;
import dev.agentgateway.model.xds.proto.Listener;
import dev.agentgateway.model.xds.proto.McpTarget;
import dev.agentgateway.model.xds.proto.PathMatch;
import dev.agentgateway.model.xds.proto.Policy;
import dev.agentgateway.model.xds.proto.PolicyTarget;
import dev.agentgateway.model.xds.proto.RequestMirror;
import dev.agentgateway.model.xds.proto.RequestRedirect;
import dev.agentgateway.model.xds.proto.Resource;
import dev.agentgateway.model.xds.proto.RetryPolicy;
import dev.agentgateway.model.xds.proto.Route;
import dev.agentgateway.model.xds.proto.RouteBackend;
import dev.agentgateway.model.xds.proto.RouteMatch;
import dev.agentgateway.model.xds.proto.RoutePolicies;
import dev.agentgateway.model.xds.proto.ServiceEndpoints;
import dev.agentgateway.model.xds.proto.TimeoutPolicy;
import dev.agentgateway.model.xds.proto.ValueMatch;
import org.junit.jupiter.api.Test;

class ProtoToIrValidationTest {

  private static final Backend HOST =
      Backend.newBuilder().setHost(Backend.Host.newBuilder().setHostname("h").setPort(80)).build();

  private static InvalidResourceException rejects(Resource resource) {
    return assertThrows(InvalidResourceException.class, () -> ProtoToIr.decode(resource));
  }

  private static Route.Builder route() {
    return Route.newBuilder().setKey("r1").setListenerKey("l1");
  }

  private static Resource routeWith(RoutePolicies policies) {
    return Resource.newBuilder().setRoute(route().setPolicies(policies)).build();
  }

  @Test
  void emptyResourceIsRejected() {
    assertEquals("resource: kind: not set", rejects(Resource.getDefaultInstance()).getMessage());
  }

  @Test
  void missingKeyIsRejected() {
    InvalidResourceException e =
        rejects(Resource.newBuilder().setBind(Bind.newBuilder().setPort(80)).build());
    assertEquals("bind: key: required", e.getMessage());
  }

  @Test
  void bindPortOutOfRangeNamesKeyAndField() {
    InvalidResourceException e =
        rejects(
            Resource.newBuilder().setBind(Bind.newBuilder().setKey("b").setPort(70000)).build());
    assertEquals("bind/b", e.resource());
    assertEquals("port", e.field());
    assertEquals("bind/b: port: must be between 1 and 65535, got 70000", e.getMessage());
  }

  @Test
  void listenerWithoutBindKeyIsRejected() {
    Resource r = Resource.newBuilder().setListener(Listener.newBuilder().setKey("l")).build();
    assertEquals("listener/l: bind_key: required", rejects(r).getMessage());
  }

  @Test
  void unknownListenerProtocolIsRejected() {
    Resource r =
        Resource.newBuilder()
            .setListener(Listener.newBuilder().setKey("l").setBindKey("b").setProtocolValue(42))
            .build();
    assertEquals("listener/l: protocol: unknown value", rejects(r).getMessage());
  }

  @Test
  void badHeaderRegexNamesItsPath() {
    RouteMatch match =
        RouteMatch.newBuilder()
            .addHeaders(
                HeaderMatch.newBuilder()
                    .setName("x")
                    .setValue(ValueMatch.newBuilder().setRegex("a(b")))
            .build();
    InvalidResourceException e =
        rejects(Resource.newBuilder().setRoute(route().addMatches(match)).build());
    assertEquals("matches[0].headers[0].value.regex", e.field());
    assertTrue(e.getMessage().startsWith("route/r1: matches[0].headers[0].value.regex: invalid"));
  }

  @Test
  void emptyPathMatchIsRejected() {
    RouteMatch match = RouteMatch.newBuilder().setPath(PathMatch.getDefaultInstance()).build();
    assertEquals(
        "route/r1: matches[0].path: no kind set (exact, prefix or regex)",
        rejects(Resource.newBuilder().setRoute(route().addMatches(match)).build()).getMessage());
  }

  @Test
  void negativeWeightAndMissingBackendAreRejected() {
    Resource negative =
        Resource.newBuilder()
            .setRoute(route().addBackends(RouteBackend.newBuilder().setBackend(HOST).setWeight(-1)))
            .build();
    assertEquals(
        "route/r1: backends[0].weight: must be >= 0, got -1", rejects(negative).getMessage());
    Resource missing =
        Resource.newBuilder().setRoute(route().addBackends(RouteBackend.newBuilder())).build();
    assertEquals("route/r1: backends[0].backend: required", rejects(missing).getMessage());
  }

  @Test
  void outOfRangeStatusesAreRejected() {
    assertEquals(
        "route/r1: policies.request_redirect.status: must be between 300 and 399, got 200",
        rejects(
                routeWith(
                    RoutePolicies.newBuilder()
                        .setRequestRedirect(RequestRedirect.newBuilder().setStatus(200))
                        .build()))
            .getMessage());
    assertEquals(
        "route/r1: policies.direct_response.status: must be between 100 and 999, got 0",
        rejects(
                routeWith(
                    RoutePolicies.newBuilder()
                        .setDirectResponse(DirectResponse.getDefaultInstance())
                        .build()))
            .getMessage());
    assertEquals(
        "route/r1: policies.retry.attempts: must be between 1 and 255, got 0",
        rejects(routeWith(RoutePolicies.newBuilder().setRetry(RetryPolicy.newBuilder()).build()))
            .getMessage());
  }

  @Test
  void badMirrorPercentageAndNegativeDurationAreRejected() {
    assertEquals(
        "route/r1: policies.request_mirror.percentage: must be between 0 and 1, got NaN",
        rejects(
                routeWith(
                    RoutePolicies.newBuilder()
                        .setRequestMirror(
                            RequestMirror.newBuilder().setBackend(HOST).setPercentage(Double.NaN))
                        .build()))
            .getMessage());
    TimeoutPolicy negative =
        TimeoutPolicy.newBuilder()
            .setRequestTimeout(com.google.protobuf.Duration.newBuilder().setSeconds(-1))
            .build();
    assertEquals(
        "route/r1: policies.timeout.request_timeout: must be a non-negative duration",
        rejects(routeWith(RoutePolicies.newBuilder().setTimeout(negative).build())).getMessage());
  }

  @Test
  void policyWithoutTargetKindIsRejected() {
    Policy policy =
        Policy.newBuilder()
            .setKey("p")
            .setTarget(PolicyTarget.newBuilder().setName("gw"))
            .setPolicy(RoutePolicies.getDefaultInstance())
            .build();
    assertEquals(
        "policy/p: target.kind: required",
        rejects(Resource.newBuilder().setPolicy(policy).build()).getMessage());
  }

  @Test
  void gatewayPhaseOnARouteTargetIsRejected() {
    Policy policy =
        Policy.newBuilder()
            .setKey("p")
            .setTarget(PolicyTarget.newBuilder().setKind(PolicyTarget.Kind.ROUTE).setName("ns/r"))
            .setPolicy(RoutePolicies.getDefaultInstance())
            .setPhase(dev.agentgateway.model.xds.proto.PolicyPhase.POLICY_PHASE_GATEWAY)
            .build();
    assertEquals(
        "policy/p: phase: phase gateway applies before route selection, so it targets a gateway"
            + " or listener, not a route",
        rejects(Resource.newBuilder().setPolicy(policy).build()).getMessage());
  }

  @Test
  void backendWithoutHostnameIsRejected() {
    Backend backend = Backend.newBuilder().setHost(Backend.Host.newBuilder().setPort(80)).build();
    assertEquals(
        "backend/:80: backend.host.hostname: required",
        rejects(Resource.newBuilder().setBackend(backend).build()).getMessage());
  }

  @Test
  void serviceBackendFieldsAreCheckedByPath() {
    Backend.Service.Builder ok =
        Backend.Service.newBuilder().setNamespace("shop").setName("cart").setPort(80);
    assertEquals(
        "route/r1: backends[0].backend.service.namespace: required",
        rejects(routeTo(ok.clone().clearNamespace())).getMessage());
    assertEquals(
        "route/r1: backends[0].backend.service.name: must not be blank",
        rejects(routeTo(ok.clone().setName("  "))).getMessage());
    assertEquals(
        "route/r1: backends[0].backend.service.port: must be between 1 and 65535, got 0",
        rejects(routeTo(ok.clone().clearPort())).getMessage());
  }

  private static Resource routeTo(Backend.Service.Builder service) {
    return Resource.newBuilder()
        .setRoute(
            route()
                .addBackends(
                    RouteBackend.newBuilder()
                        .setBackend(Backend.newBuilder().setService(service))
                        .setWeight(1)))
        .build();
  }

  @Test
  void emptyBackendNamesBothKinds() {
    assertEquals(
        "backend/<no kind>: backend: no kind set (host, service, a2a, mcp or ai)",
        rejects(Resource.newBuilder().setBackend(Backend.getDefaultInstance()).build())
            .getMessage());
  }

  @Test
  void serviceEndpointsFieldsAreCheckedByPath() {
    ServiceEndpoints.Builder ok =
        ServiceEndpoints.newBuilder()
            .setNamespace("shop")
            .setName("cart")
            .setPort(80)
            .addEndpoints(
                ServiceEndpoints.Endpoint.newBuilder().setAddress("10.0.0.1").setPort(8080));
    assertEquals(
        "endpoints//cart:80: namespace: required",
        rejects(endpoints(ok.clone().clearNamespace())).getMessage());
    assertEquals(
        "endpoints/shop/:80: name: required",
        rejects(endpoints(ok.clone().clearName())).getMessage());
    assertEquals(
        "endpoints/shop/cart:70000: port: must be between 1 and 65535, got 70000",
        rejects(endpoints(ok.clone().setPort(70000))).getMessage());
    InvalidResourceException address =
        rejects(
            endpoints(
                ok.clone()
                    .addEndpoints(
                        ServiceEndpoints.Endpoint.newBuilder().setAddress(" ").setPort(1))));
    assertEquals("endpoints/shop/cart:80", address.resource());
    assertEquals("endpoints[1].address", address.field());
    assertEquals(
        "endpoints/shop/cart:80: endpoints[0].port: must be between 1 and 65535, got 0",
        rejects(
                endpoints(
                    ok.clone()
                        .setEndpoints(
                            0, ServiceEndpoints.Endpoint.newBuilder().setAddress("10.0.0.1"))))
            .getMessage());
  }

  private static final McpTarget STDIO =
      McpTarget.newBuilder()
          .setName("time")
          .setStdio(McpTarget.Stdio.newBuilder().setCommand("uvx"))
          .build();

  private static String mcpError(Backend.Mcp.Builder mcp) {
    return rejects(Resource.newBuilder().setBackend(Backend.newBuilder().setMcp(mcp)).build())
        .getMessage();
  }

  @Test
  void mcpBackendProblemsNameTheirField() {
    assertEquals(
        "backend/tools: backend.mcp.targets: an mcp backend needs at least one target",
        mcpError(Backend.Mcp.newBuilder().setName("tools")));
    assertEquals(
        "backend/tools: backend.mcp.targets: duplicate mcp target name: time",
        mcpError(Backend.Mcp.newBuilder().setName("tools").addTargets(STDIO).addTargets(STDIO)));
    assertEquals(
        "backend/tools: backend.mcp.targets[0]: mcp target name must be non-blank without '_',"
            + " got 'my_time'",
        mcpError(
            Backend.Mcp.newBuilder()
                .setName("tools")
                .addTargets(STDIO.toBuilder().setName("my_time"))));
    assertEquals(
        "backend/tools: backend.mcp.targets[0].stdio.command: required",
        mcpError(
            Backend.Mcp.newBuilder()
                .setName("tools")
                .addTargets(STDIO.toBuilder().setStdio(McpTarget.Stdio.getDefaultInstance()))));
    assertEquals(
        "backend/tools: backend.mcp.targets[0].remote.upstream: must be a host or a service",
        mcpError(
            Backend.Mcp.newBuilder()
                .setName("tools")
                .addTargets(
                    McpTarget.newBuilder()
                        .setName("nested")
                        .setRemote(
                            McpTarget.Remote.newBuilder()
                                .setPath("/mcp")
                                .setUpstream(
                                    Backend.newBuilder()
                                        .setMcp(
                                            Backend.Mcp.newBuilder()
                                                .setName("inner")
                                                .addTargets(STDIO)))))));
    assertEquals(
        "backend/tools: backend.mcp.targets[0]: mcp target path must start with '/', got mcp",
        mcpError(
            Backend.Mcp.newBuilder()
                .setName("tools")
                .addTargets(
                    McpTarget.newBuilder()
                        .setName("remote")
                        .setRemote(
                            McpTarget.Remote.newBuilder().setPath("mcp").setUpstream(HOST)))));
  }

  @Test
  void openApiTargetProblemsNameTheirField() {
    McpTarget.OpenApi openapi =
        McpTarget.OpenApi.newBuilder()
            .setSchema("{\"openapi\":\"3.0.0\"}")
            .setUpstream(HOST)
            .build();
    assertEquals(
        "backend/tools: backend.mcp.targets[0].openapi.schema: required",
        mcpError(
            Backend.Mcp.newBuilder()
                .setName("tools")
                .addTargets(
                    McpTarget.newBuilder()
                        .setName("pets")
                        .setOpenapi(openapi.toBuilder().clearSchema()))));
    assertEquals(
        "backend/tools: backend.mcp.targets[0].openapi.upstream: required",
        mcpError(
            Backend.Mcp.newBuilder()
                .setName("tools")
                .addTargets(
                    McpTarget.newBuilder()
                        .setName("pets")
                        .setOpenapi(openapi.toBuilder().clearUpstream()))));
    assertEquals(
        "backend/tools: backend.mcp.targets[0]: openapi path prefix must start with '/', got api",
        mcpError(
            Backend.Mcp.newBuilder()
                .setName("tools")
                .addTargets(
                    McpTarget.newBuilder()
                        .setName("pets")
                        .setOpenapi(openapi.toBuilder().setPathPrefix("api")))));
    assertEquals(
        "backend/tools: backend.mcp.targets[0]: openapi schema is larger than 2097152 bytes",
        mcpError(
            Backend.Mcp.newBuilder()
                .setName("tools")
                .addTargets(
                    McpTarget.newBuilder()
                        .setName("pets")
                        .setOpenapi(
                            openapi.toBuilder()
                                .setSchema("{" + " ".repeat(2 * 1024 * 1024) + "}")))));
    assertEquals(
        "backend/tools: backend.mcp.targets[0]: no kind set (remote, stdio or openapi)",
        mcpError(
            Backend.Mcp.newBuilder()
                .setName("tools")
                .addTargets(McpTarget.newBuilder().setName("nothing"))));
  }

  @Test
  void aiBackendProblemsNameTheirField() {
    AiProvider openai =
        AiProvider.newBuilder()
            .setName("openai")
            .setOpenai(AiProvider.Model.getDefaultInstance())
            .build();
    assertEquals(
        "backend/llm: backend.ai.groups: an ai backend needs providers in every group",
        aiError(Backend.Ai.newBuilder().setName("llm").addGroups(Backend.Ai.Group.newBuilder())));
    assertEquals(
        "backend/llm: backend.ai.groups[0].providers[0]: no provider set (openai, anthropic,"
            + " gemini, vertex, bedrock, azure, copilot, custom)",
        aiError(
            Backend.Ai.newBuilder()
                .setName("llm")
                .addGroups(
                    Backend.Ai.Group.newBuilder()
                        .addProviders(AiProvider.newBuilder().setName("x")))));
    assertEquals(
        "backend/llm: backend.ai.groups: duplicate ai provider name: openai",
        aiError(
            Backend.Ai.newBuilder()
                .setName("llm")
                .addGroups(Backend.Ai.Group.newBuilder().addProviders(openai))
                .addGroups(Backend.Ai.Group.newBuilder().addProviders(openai))));
    assertEquals(
        "backend/llm: backend.ai.groups[0].providers[0].azure: azure Foundry needs a projectName",
        aiError(
            Backend.Ai.newBuilder()
                .setName("llm")
                .addGroups(
                    Backend.Ai.Group.newBuilder()
                        .addProviders(
                            AiProvider.newBuilder()
                                .setName("foundry")
                                .setAzure(
                                    AiProvider.Azure.newBuilder()
                                        .setResourceName("r")
                                        .setResourceType(
                                            AiProvider.Azure.ResourceType.FOUNDRY))))));
  }

  private static String aiError(Backend.Ai.Builder ai) {
    return rejects(Resource.newBuilder().setBackend(Backend.newBuilder().setAi(ai)).build())
        .getMessage();
  }

  private static Resource endpoints(ServiceEndpoints.Builder endpoints) {
    return Resource.newBuilder().setServiceEndpoints(endpoints).build();
  }
}
