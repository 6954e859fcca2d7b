package dev.agentgateway.proxy.llm.provider;

import dev.agentgateway.model.ir.AiProvider;
import dev.agentgateway.model.ir.Backend;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Resolves where a provider serves a route type: the default host of each provider (TLS on 443), or
 * its {@code hostOverride} (plain HTTP unless {@code hostOverrideTls}), then its base path ({@code
 * pathPrefix} replaces the provider's), the route's path, and the query some need (Gemini {@code
 * alt=sse} when streaming, Azure {@code api-version}). A {@code pathOverride} replaces the whole
 * path.
 *
 * <p>Bedrock answers chat in one API, Converse, so completions, messages and responses all go to
 * {@code /model/{model}/converse} (or {@code converse-stream}); the request body is translated to
 * it before sending. Vertex sends Claude models ({@code claude*}) to Anthropic's {@code
 * rawPredict}, Gemini models to {@code generateContent}, and others to its OpenAI-compatible
 * endpoint.
 */
public final class ProviderEndpoints {
  static final String OPENAI_HOST = "api.openai.com";
  static final String ANTHROPIC_HOST = "api.anthropic.com";
  static final String GEMINI_HOST = "generativelanguage.googleapis.com";
  static final String COPILOT_HOST = "api.githubcopilot.com";

  private ProviderEndpoints() {}

  /**
   * The endpoint for {@code route}.
   *
   * @param model the model sent upstream (the provider's configured one, else the client's); the
   *     path of Gemini, Vertex, Bedrock and legacy Azure deployments names it
   * @param streaming whether the client asked for a stream (Gemini, Vertex and Bedrock have
   *     separate streaming methods)
   * @throws UnsupportedRouteException when the provider has no such endpoint
   */
  public static ProviderEndpoint resolve(
      AiProvider provider, RouteType route, String model, boolean streaming) {
    Target t =
        switch (provider.spec()) {
          case AiProvider.OpenAi s -> openAi(route);
          case AiProvider.Copilot s -> copilot(route);
          case AiProvider.Anthropic s -> anthropic(route);
          case AiProvider.Gemini s -> gemini(route, model, streaming);
          case AiProvider.Vertex s -> vertex(s, route, model, streaming);
          case AiProvider.Bedrock s -> bedrock(s, route, model, streaming);
          case AiProvider.Azure s -> azure(s, route, model);
          case AiProvider.Custom s -> custom(s, route, model, streaming);
        };
    String path;
    if (provider.pathOverride() != null) {
      path = provider.pathOverride();
    } else if (t.fullPath()) {
      path = t.path();
    } else {
      path = (provider.pathPrefix() != null ? provider.pathPrefix() : t.base()) + t.path();
    }
    if (provider.hostOverride() instanceof Backend.Host h) {
      return new ProviderEndpoint(
          provider.hostOverrideTls(), h.hostname(), h.port(), path, t.query());
    }
    if (provider.hostOverride() != null) {
      throw new UnsupportedRouteException(
          "provider " + provider.name() + ": a Service hostOverride is not supported yet");
    }
    return new ProviderEndpoint(true, t.host(), 443, path, t.query());
  }

  /**
   * Where a passthrough request goes: the provider's host (or its {@code hostOverride}) with the
   * client's own path and query.
   *
   * @param target the client's request target, path and query, as sent
   * @throws UnsupportedRouteException when the provider has no fixed host to send to
   */
  public static ProviderEndpoint passthrough(AiProvider provider, String target) {
    int q = target.indexOf('?');
    String path = q < 0 ? target : target.substring(0, q);
    String query = q < 0 ? null : target.substring(q + 1);
    if (provider.hostOverride() instanceof Backend.Host h) {
      return new ProviderEndpoint(provider.hostOverrideTls(), h.hostname(), h.port(), path, query);
    }
    if (provider.hostOverride() != null) {
      throw new UnsupportedRouteException(
          "provider " + provider.name() + ": a Service hostOverride is not supported yet");
    }
    String host =
        switch (provider.spec()) {
          case AiProvider.OpenAi s -> OPENAI_HOST;
          case AiProvider.Copilot s -> COPILOT_HOST;
          case AiProvider.Anthropic s -> ANTHROPIC_HOST;
          case AiProvider.Gemini s -> GEMINI_HOST;
          case AiProvider.Vertex s -> vertexHost(s.region());
          case AiProvider.Bedrock s -> bedrockHost(s.region());
          case AiProvider.Azure s -> azureHost(s);
          case AiProvider.Custom s ->
              throw new UnsupportedRouteException(
                  "provider " + provider.name() + " has no host to pass requests through to");
        };
    return new ProviderEndpoint(true, host, 443, path, query);
  }

  private static String bedrockHost(String region) {
    return "bedrock-runtime." + region + ".amazonaws.com";
  }

  private static String azureHost(AiProvider.Azure a) {
    return a.resourceName()
        + (a.resourceType() == AiProvider.AzureResourceType.FOUNDRY
            ? ".services.ai.azure.com"
            : ".openai.azure.com");
  }

  /**
   * Where a route's path goes.
   *
   * @param host the provider's default host
   * @param base the default base path, replaced by {@code pathPrefix}
   * @param path the part after the base
   * @param fullPath whether {@code path} is the whole path (no base)
   * @param query the query, or null
   */
  private record Target(String host, String base, String path, boolean fullPath, String query) {
    static Target of(String host, String base, String path) {
      return new Target(host, base, path, false, null);
    }
  }

  private static UnsupportedRouteException unsupported(String provider, RouteType route) {
    return new UnsupportedRouteException(
        provider + " has no " + route.name().toLowerCase(Locale.ROOT) + " endpoint");
  }

  private static String openAiSuffix(String provider, RouteType route) {
    return switch (route) {
      case COMPLETIONS -> "/chat/completions";
      case RESPONSES -> "/responses";
      case EMBEDDINGS -> "/embeddings";
      case MODELS -> "/models";
      case REALTIME -> "/realtime";
      default -> throw unsupported(provider, route);
    };
  }

  private static Target openAi(RouteType route) {
    return Target.of(OPENAI_HOST, "/v1", openAiSuffix("openAI", route));
  }

  private static Target copilot(RouteType route) {
    return Target.of(COPILOT_HOST, "", openAiSuffix("copilot", route));
  }

  private static Target anthropic(RouteType route) {
    String suffix =
        switch (route) {
          case MESSAGES -> "/messages";
          case ANTHROPIC_TOKEN_COUNT -> "/messages/count_tokens";
          case MODELS -> "/models";
          case COMPLETIONS -> "/chat/completions"; // Anthropic's OpenAI-compatible endpoint
          default -> throw unsupported("anthropic", route);
        };
    return Target.of(ANTHROPIC_HOST, "/v1", suffix);
  }

  private static String requireModel(String model, String provider) {
    if (model == null || model.isEmpty()) {
      throw new UnsupportedRouteException(provider + " needs a model in the request path");
    }
    return model;
  }

  /** One path segment, percent-encoded (a model id may hold {@code :} or {@code /}). */
  static String segment(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static Target gemini(RouteType route, String model, boolean streaming) {
    return switch (route) {
      case GENERATE_CONTENT -> {
        String m = segment(requireModel(model, "gemini"));
        yield streaming
            ? new Target(
                GEMINI_HOST, "/v1beta", "/models/" + m + ":streamGenerateContent", false, "alt=sse")
            : Target.of(GEMINI_HOST, "/v1beta", "/models/" + m + ":generateContent");
      }
      case GEMINI_COUNT_TOKENS ->
          Target.of(
              GEMINI_HOST,
              "/v1beta",
              "/models/" + segment(requireModel(model, "gemini")) + ":countTokens");
      case COMPLETIONS -> Target.of(GEMINI_HOST, "/v1beta", "/openai/chat/completions");
      case EMBEDDINGS -> Target.of(GEMINI_HOST, "/v1beta", "/openai/embeddings");
      case MODELS -> Target.of(GEMINI_HOST, "/v1beta", "/openai/models");
      default -> throw unsupported("gemini", route);
    };
  }

  /** {@code global} has no region in its host; {@code us} and {@code eu} are multi-region hosts. */
  static String vertexHost(String region) {
    return switch (region) {
      case "global" -> "aiplatform.googleapis.com";
      case "us", "eu" -> "aiplatform." + region + ".rep.googleapis.com";
      default -> region + "-aiplatform.googleapis.com";
    };
  }

  private static Target vertex(
      AiProvider.Vertex v, RouteType route, String model, boolean streaming) {
    String host = vertexHost(v.region());
    String base = "/v1/projects/" + segment(v.projectId()) + "/locations/" + segment(v.region());
    return switch (route) {
      case MESSAGES -> {
        String m = segment(requireModel(model, "vertex"));
        yield Target.of(
            host,
            base,
            "/publishers/anthropic/models/"
                + m
                + (streaming ? ":streamRawPredict" : ":rawPredict"));
      }
      case ANTHROPIC_TOKEN_COUNT ->
          Target.of(host, base, "/publishers/anthropic/models/count-tokens:rawPredict");
      case GENERATE_CONTENT -> {
        String m = segment(requireModel(model, "vertex"));
        yield streaming
            ? new Target(
                host,
                base,
                "/publishers/google/models/" + m + ":streamGenerateContent",
                false,
                "alt=sse")
            : Target.of(host, base, "/publishers/google/models/" + m + ":generateContent");
      }
      case GEMINI_COUNT_TOKENS ->
          Target.of(
              host,
              base,
              "/publishers/google/models/"
                  + segment(requireModel(model, "vertex"))
                  + ":countTokens");
      case COMPLETIONS -> Target.of(host, base, "/endpoints/openapi/chat/completions");
      case EMBEDDINGS ->
          Target.of(
              host,
              base,
              "/publishers/google/models/" + segment(requireModel(model, "vertex")) + ":predict");
      default -> throw unsupported("vertex", route);
    };
  }

  /** Whether Vertex serves {@code model} through Anthropic's API rather than Gemini's. */
  public static boolean isVertexClaude(String model) {
    return model != null && model.startsWith("claude");
  }

  private static Target bedrock(
      AiProvider.Bedrock b, RouteType route, String model, boolean streaming) {
    String host = bedrockHost(b.region());
    return switch (route) {
      case COMPLETIONS, MESSAGES, RESPONSES -> {
        String m = segment(requireModel(model, "bedrock"));
        yield Target.of(host, "", "/model/" + m + (streaming ? "/converse-stream" : "/converse"));
      }
      case EMBEDDINGS ->
          Target.of(host, "", "/model/" + segment(requireModel(model, "bedrock")) + "/invoke");
      case ANTHROPIC_TOKEN_COUNT ->
          Target.of(
              host, "", "/model/" + segment(requireModel(model, "bedrock")) + "/count-tokens");
      case RERANK ->
          Target.of("bedrock-agent-runtime." + b.region() + ".amazonaws.com", "", "/rerank");
      default -> throw unsupported("bedrock", route);
    };
  }

  /**
   * Azure OpenAI: the v1 API ({@code /openai/v1/...}) when no {@code apiVersion} or {@code v1} is
   * set, else the dated deployment API ({@code /openai/deployments/{model}/...?api-version=...}).
   * Foundry projects: {@code /api/projects/{project}/openai/v1/...}.
   */
  private static Target azure(AiProvider.Azure a, RouteType route, String model) {
    String suffix = openAiSuffix("azure", route);
    if (a.resourceType() == AiProvider.AzureResourceType.FOUNDRY) {
      return Target.of(
          azureHost(a), "/api/projects/" + segment(a.projectName()) + "/openai/v1", suffix);
    }
    String host = azureHost(a);
    String version = a.apiVersion();
    if (version == null || version.equals("v1")) {
      return Target.of(host, "/openai/v1", suffix);
    }
    String query = "api-version=" + segment(version);
    if (route == RouteType.COMPLETIONS || route == RouteType.EMBEDDINGS) {
      return new Target(
          host,
          "/openai/deployments/" + segment(requireModel(model, "azure")),
          suffix,
          false,
          query);
    }
    return new Target(host, "/openai", suffix, false, query);
  }

  private static Target custom(
      AiProvider.Custom c, RouteType route, String model, boolean streaming) {
    String name = c.providerName() == null ? "custom" : c.providerName();
    if (route == RouteType.MODELS) {
      return Target.of(null, "", "/models");
    }
    AiProvider.ProviderFormat format =
        switch (route) {
          case COMPLETIONS -> AiProvider.ProviderFormat.COMPLETIONS;
          case MESSAGES -> AiProvider.ProviderFormat.MESSAGES;
          case RESPONSES -> AiProvider.ProviderFormat.RESPONSES;
          case EMBEDDINGS -> AiProvider.ProviderFormat.EMBEDDINGS;
          case ANTHROPIC_TOKEN_COUNT -> AiProvider.ProviderFormat.ANTHROPIC_TOKEN_COUNT;
          case GENERATE_CONTENT -> AiProvider.ProviderFormat.GENERATE_CONTENT;
          case GEMINI_COUNT_TOKENS -> AiProvider.ProviderFormat.GEMINI_COUNT_TOKENS;
          case RERANK -> AiProvider.ProviderFormat.RERANK;
          case REALTIME -> AiProvider.ProviderFormat.REALTIME;
          case MODELS -> throw new IllegalStateException("handled above");
          case PASSTHROUGH, DETECT -> throw unsupported(name, route); // see passthrough()
        };
    AiProvider.FormatPath fp = c.format(format).orElseThrow(() -> unsupported(name, route));
    String query = route == RouteType.GENERATE_CONTENT && streaming ? "alt=sse" : null;
    if (fp.path() != null) {
      return new Target(null, "", fp.path(), true, query);
    }
    String suffix =
        switch (route) {
          case MESSAGES -> "/messages";
          case ANTHROPIC_TOKEN_COUNT -> "/messages/count_tokens";
          case RERANK -> "/rerank";
          case GENERATE_CONTENT ->
              "/models/"
                  + segment(requireModel(model, name))
                  + (streaming ? ":streamGenerateContent" : ":generateContent");
          case GEMINI_COUNT_TOKENS ->
              "/models/" + segment(requireModel(model, name)) + ":countTokens";
          default -> openAiSuffix(name, route);
        };
    return new Target(null, "", suffix, false, query);
  }
}
