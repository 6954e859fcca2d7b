package dev.agentgateway.proxy.llm;

import dev.agentgateway.model.ir.AiProvider;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.BackendAuth;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.ir.Secret;
import dev.agentgateway.proxy.testing.TestConfigs;
import dev.agentgateway.proxy.testing.llm.LlmStandIn;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** AI backends whose providers are the LLM stand-ins, and routes to them. */
final class AiBackends {
  static final String OPENAI_KEY = "sk-gateway-openai";
  static final String ANTHROPIC_KEY = "sk-ant-gateway";
  static final String GEMINI_KEY = "gemini-gateway-key";
  static final String VERTEX_TOKEN = "ya29.vertex-gateway-token";
  static final String AZURE_KEY = "azure-gateway-key";

  private AiBackends() {}

  /** A provider of {@code standIn}'s kind at its address, with the gateway's key. */
  static AiProvider provider(String name, LlmStandIn standIn, String modelPattern, String model) {
    Backend.Host host = new Backend.Host("127.0.0.1", standIn.port());
    AiProvider.Spec spec;
    BackendAuth auth;
    switch (standIn.provider()) {
      case OPENAI -> {
        spec = new AiProvider.OpenAi(model);
        auth = new BackendAuth.Key(new Secret(OPENAI_KEY));
      }
      case ANTHROPIC -> {
        spec = new AiProvider.Anthropic(model);
        auth = new BackendAuth.Key(new Secret(ANTHROPIC_KEY));
      }
      case GEMINI -> {
        spec = new AiProvider.Gemini(model);
        auth = new BackendAuth.Key(new Secret(GEMINI_KEY));
      }
      case BEDROCK -> {
        spec = new AiProvider.Bedrock(model, "us-east-1");
        auth =
            new BackendAuth.Aws(
                "AKIDGATEWAYTEST", new Secret("gateway-aws-secret"), null, null, null);
      }
      case VERTEX -> {
        spec = new AiProvider.Vertex(model, "standin-project", "us-east5");
        auth = new BackendAuth.Key(new Secret(VERTEX_TOKEN));
      }
      case AZURE -> {
        spec =
            new AiProvider.Azure(
                model, "standin", AiProvider.AzureResourceType.OPENAI, "2024-10-21", null);
        auth = new BackendAuth.Key(new Secret(AZURE_KEY));
      }
      default -> throw new IllegalArgumentException(standIn.toString());
    }
    return new AiProvider(name, spec, host, null, null, false, auth, modelPattern, Map.of());
  }

  /** A provider serving any model. */
  static AiProvider provider(String name, LlmStandIn standIn) {
    return provider(name, standIn, null, null);
  }

  /** A backend with one provider per group, in order. */
  static Backend.Ai groups(String name, AiProvider... providers) {
    List<List<AiProvider>> groups = new ArrayList<>();
    for (AiProvider p : providers) {
      groups.add(List.of(p));
    }
    return new Backend.Ai(name, groups);
  }

  /** A route named {@code name} taking every path under {@code prefix} to {@code backend}. */
  static Route route(String name, String prefix, Backend.Ai backend, RoutePolicies policies) {
    return TestConfigs.route(
        name, TestConfigs.prefix(prefix), policies, List.of(new RouteBackend(backend, 1)), 0);
  }

  /** A route taking every path to {@code backend}. */
  static Route route(Backend.Ai backend) {
    return route("llm", "/", backend, RoutePolicies.NONE);
  }
}
