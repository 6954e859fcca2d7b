package dev.agentgateway.model.xds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentgateway.model.ir.AiProvider;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.BackendAuth;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.Secret;
import dev.agentgateway.model.xds.proto.Resource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The LLM parts of an AI backend survive IR -> proto -> bytes -> IR, and bad ones are named. */
class AiProviderProtoTest {
  private static Object wire(Object ir) throws Exception {
    return ProtoToIr.decode(Resource.parseFrom(IrToProto.resourceOf(ir).toByteArray()));
  }

  private static Route routeTo(Backend backend) {
    return new Route(
        "r1",
        "l1",
        null,
        null,
        null,
        List.of(),
        List.of(),
        null,
        List.of(new RouteBackend(backend, 1)),
        0);
  }

  @Test
  void everyAuthKindPresetAndPatternRoundTrips() throws Exception {
    Map<String, String> transformations = new LinkedHashMap<>();
    transformations.put("model", "llmRequest.model.stripPrefix(\"anthropic/\")");
    transformations.put("max_tokens", "1024");
    Backend.Ai ai =
        new Backend.Ai(
            "llm",
            List.of(
                List.of(
                    new AiProvider(
                        "smart",
                        new AiProvider.OpenAi("gpt-5.5"),
                        null,
                        null,
                        null,
                        false,
                        new BackendAuth.Key(new Secret("sk-1")),
                        "smart",
                        Map.of())),
                List.of(
                    new AiProvider(
                        "groq",
                        new AiProvider.Custom(
                            null,
                            "groq",
                            List.of(
                                new AiProvider.FormatPath(
                                    AiProvider.ProviderFormat.COMPLETIONS, null),
                                new AiProvider.FormatPath(
                                    AiProvider.ProviderFormat.RERANK, "/v2/rerank"))),
                        new Backend.Host("api.groq.com", 443),
                        null,
                        "/openai/v1",
                        true,
                        new BackendAuth.Key(
                            new Secret("gsk"), new BackendAuth.Location.Header("x-key", "Key ")),
                        "groq/*",
                        transformations),
                    new AiProvider(
                        "copilot",
                        new AiProvider.Copilot(null),
                        null,
                        "/chat/completions",
                        null,
                        false,
                        new BackendAuth.Key(
                            new Secret("q"), new BackendAuth.Location.QueryParameter("key")),
                        null,
                        Map.of())),
                List.of(
                    new AiProvider(
                        "bedrock",
                        new AiProvider.Bedrock(null, "us-east-1"),
                        null,
                        null,
                        null,
                        false,
                        new BackendAuth.Aws(
                            "AKID", new Secret("s"), new Secret("t"), "eu-west-1", "bedrock"),
                        null,
                        Map.of()),
                    new AiProvider(
                        "bedrock-env",
                        new AiProvider.Bedrock("m", "us-west-2"),
                        null,
                        null,
                        null,
                        false,
                        BackendAuth.Aws.implicit(null, null),
                        null,
                        Map.of()),
                    new AiProvider(
                        "pass",
                        new AiProvider.Anthropic(null),
                        null,
                        null,
                        null,
                        false,
                        new BackendAuth.Passthrough(),
                        null,
                        Map.of()))));
    Route route = routeTo(ai);
    Route decoded = (Route) wire(route);
    assertEquals(route, decoded);
    AiProvider groq = ((Backend.Ai) decoded.backends().get(0).backend()).groups().get(1).get(0);
    assertEquals(List.of("model", "max_tokens"), List.copyOf(groq.transformations().keySet()));
  }

  @Test
  void secretsNeverShowInToString() {
    AiProvider p =
        new AiProvider(
            "p",
            new AiProvider.OpenAi(null),
            null,
            null,
            null,
            false,
            new BackendAuth.Aws(
                "AKID", new Secret("very-secret"), new Secret("tok-secret"), null, null),
            null,
            Map.of());
    assertFalse(p.toString().contains("very-secret"), p.toString());
    assertFalse(p.toString().contains("tok-secret"), p.toString());
    assertFalse(new BackendAuth.Key(new Secret("sk-live")).toString().contains("sk-live"));
  }

  @Test
  void decodingNamesTheBadField() {
    var provider =
        dev.agentgateway.model.xds.proto.AiProvider.newBuilder()
            .setName("p")
            .setOpenai(dev.agentgateway.model.xds.proto.AiProvider.Model.getDefaultInstance())
            .setAuth(
                dev.agentgateway.model.xds.proto.BackendAuth.newBuilder()
                    .setKey(dev.agentgateway.model.xds.proto.BackendAuth.Key.getDefaultInstance()));
    var route =
        dev.agentgateway.model.xds.proto.Route.newBuilder()
            .setKey("r1")
            .setListenerKey("l1")
            .addBackends(
                dev.agentgateway.model.xds.proto.RouteBackend.newBuilder()
                    .setWeight(1)
                    .setBackend(
                        dev.agentgateway.model.xds.proto.Backend.newBuilder()
                            .setAi(
                                dev.agentgateway.model.xds.proto.Backend.Ai.newBuilder()
                                    .setName("ai")
                                    .addGroups(
                                        dev.agentgateway.model.xds.proto.Backend.Ai.Group
                                            .newBuilder()
                                            .addProviders(provider)))));
    InvalidResourceException e =
        assertThrows(
            InvalidResourceException.class,
            () -> ProtoToIr.decode(Resource.newBuilder().setRoute(route).build()));
    assertEquals(
        "route/r1: backends[0].backend.ai.groups[0].providers[0].auth.key.value: required",
        e.getMessage());

    provider
        .clearAuth()
        .setOpenai(dev.agentgateway.model.xds.proto.AiProvider.Model.getDefaultInstance())
        .clearSpec()
        .setCustom(dev.agentgateway.model.xds.proto.AiProvider.Custom.getDefaultInstance());
    route
        .getBackendsBuilder(0)
        .getBackendBuilder()
        .getAiBuilder()
        .getGroupsBuilder(0)
        .setProviders(0, provider);
    e =
        assertThrows(
            InvalidResourceException.class,
            () -> ProtoToIr.decode(Resource.newBuilder().setRoute(route).build()));
    assertEquals(
        "route/r1: backends[0].backend.ai.groups[0].providers[0].custom:"
            + " a custom provider needs at least one format",
        e.getMessage());
  }
}
