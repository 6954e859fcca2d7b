package dev.agentgateway.model.config;

import dev.agentgateway.model.ir.AiProvider;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.BackendAuth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the top-level {@code llm:} shortcut into what the long form would give: a bind on {@code
 * port} with one listener ({@code llm}) and one route ({@code default} in namespace {@code
 * internal}, every path) to one {@link Backend.Ai} named {@code llm}. Each {@code models[]} entry
 * becomes a provider of its own priority group whose {@link AiProvider#modelPattern} is the entry's
 * {@code name}; exact names come before globs, each kind in file order, so the first group that
 * {@linkplain AiProvider#serves serves} a request's model is the most specific.
 */
final class LlmReader {
  static final String LISTENER_NAME = "llm";
  static final String ROUTE_NAME = "default";
  static final String ROUTE_NAMESPACE = "internal";
  static final String BACKEND_NAME = "llm";

  private static final Set<String> BUILTIN =
      Set.of("openai", "openAI", "gemini", "vertex", "anthropic", "bedrock", "azure", "copilot");
  private static final List<String> AZURE_TYPES = List.of("openAI", "foundry", "aiServices");

  private final AiReader ai;

  LlmReader(AiReader ai) {
    this.ai = ai;
  }

  void read(ConfigNode node, Resources out) {
    if (!node.mapping(UpstreamFields.LLM)) {
      return;
    }
    ConfigNode portNode = node.field("port");
    Integer port = null;
    if (portNode.present()) {
      port = portNode.integer(1, 65535);
    } else if (!node.field("gateways").present()) {
      portNode.error("llm needs a port (attaching to gateways is not supported yet)");
    }
    Map<String, ConfigNode> providers = providers(node.field("providers"));
    ConfigNode modelsNode = node.field("models");
    List<AiProvider> exact = new ArrayList<>();
    List<AiProvider> globs = new ArrayList<>();
    Set<String> names = new HashSet<>();
    boolean ok = modelsNode.require();
    for (ConfigNode m : modelsNode.list()) {
      AiProvider p = model(m, providers, names);
      if (p == null) {
        ok = false;
      } else {
        (p.modelPattern().indexOf('*') >= 0 ? globs : exact).add(p);
      }
    }
    if (ok && exact.isEmpty() && globs.isEmpty()) {
      modelsNode.error("needs at least one model");
      ok = false;
    }
    if (port == null) {
      return;
    }
    String owner = out.claimPort(port, node.path());
    if (owner != null) {
      portNode.error("port is already used by " + owner);
      return;
    }
    if (!ok) {
      return;
    }
    List<List<AiProvider>> groups = new ArrayList<>();
    exact.forEach(p -> groups.add(List.of(p)));
    globs.forEach(p -> groups.add(List.of(p)));
    Backend.Ai backend = new Backend.Ai(BACKEND_NAME, groups);
    out.addShortcut(port, LISTENER_NAME, ROUTE_NAME, ROUTE_NAMESPACE, null, backend);
  }

  /** {@code providers[]}: reusable provider settings by name. */
  private static Map<String, ConfigNode> providers(ConfigNode list) {
    Map<String, ConfigNode> byName = new HashMap<>();
    for (ConfigNode p : list.list()) {
      if (!p.mapping(UpstreamFields.LLM_PROVIDER)) {
        continue;
      }
      ConfigNode nameNode = p.field("name");
      String name = nameNode.requiredText();
      p.field("provider").require();
      if (name != null && byName.putIfAbsent(name, p) != null) {
        nameNode.error("duplicate provider name " + name);
      }
    }
    return byName;
  }

  private AiProvider model(ConfigNode m, Map<String, ConfigNode> providers, Set<String> names) {
    if (!m.mapping(UpstreamFields.LLM_MODEL)) {
      return null;
    }
    ConfigNode nameNode = m.field("name");
    String pattern = nameNode.requiredText();
    ConfigNode idNode = m.field("id");
    String id = idNode.text();
    String name = id != null ? id : pattern;
    if (name != null && !names.add(name)) {
      (id != null ? idNode : nameNode).error("duplicate model " + name);
      return null;
    }
    ConfigNode visibility = m.field("visibility");
    String vis = visibility.choice(List.of("public", "internal"));
    if ("internal".equals(vis)) {
      visibility.error("visibility internal is not supported yet (nor are virtualModels)");
    }
    ConfigNode providerNode = m.field("provider");
    ConfigNode reference = null;
    if (providerNode.isMapping() && providerNode.field("reference").present()) {
      if (!providerNode.mapping(UpstreamFields.LLM_PROVIDER_REF)) {
        return null;
      }
      ConfigNode refName = providerNode.field("reference");
      reference = providers.get(refName.text());
      if (reference == null) {
        refName.error("no llm.providers entry named " + refName.text());
        return null;
      }
      providerNode = reference.field("provider");
    }
    Params params =
        new Params(m.field("params"), reference == null ? null : reference.field("params"));
    Map<String, String> transformations = new LinkedHashMap<>();
    for (Map.Entry<String, ConfigNode> e : m.field("transformation").entries().entrySet()) {
      String expression = e.getValue().requiredText();
      if (expression != null) {
        transformations.put(e.getKey(), expression);
      }
    }
    Built built = spec(providerNode, params);
    if (built == null || pattern == null || name == null || "internal".equals(vis)) {
      return null;
    }
    AiReader.Upstream host = built.host();
    String pathPrefix = AiReader.path(params.get("pathPrefix"));
    String pathOverride = AiReader.path(params.get("pathOverride"));
    ConfigNode baseUrl = params.get("baseUrl");
    ConfigNode hostOverride = params.get("hostOverride");
    if (baseUrl.present() && hostOverride.present()) {
      hostOverride.error("baseUrl and hostOverride are mutually exclusive");
      return null;
    }
    if (baseUrl.present() || hostOverride.present()) {
      host = AiReader.upstream(baseUrl.present() ? baseUrl : hostOverride, baseUrl.present());
      if (host == null) {
        return null;
      }
    }
    if (host != null && host.path() != null) {
      if (pathPrefix != null) {
        params.get("pathPrefix").error("baseUrl already has a path; set one or the other");
        return null;
      }
      pathPrefix = host.path();
    }
    if (built.spec() instanceof AiProvider.Custom && host == null) {
      providerNode.error("a custom provider needs params.baseUrl or params.hostOverride");
      return null;
    }
    BackendAuth auth = ai.auth().read(m.field("auth"));
    ConfigNode apiKey = params.get("apiKey");
    if (auth == null && apiKey.present()) {
      var secret = ai.auth().secret(apiKey);
      if (secret == null) {
        return null;
      }
      auth = new BackendAuth.Key(secret);
    }
    if (auth == null && !m.field("auth").present()) {
      auth = ai.defaultAuth(built.spec(), built.apiKeyEnv());
    }
    return AiReader.build(
        m, name, built.spec(), host, pathOverride, pathPrefix, auth, pattern, transformations);
  }

  /** A provider spec with the upstream a preset brings. */
  private record Built(AiProvider.Spec spec, AiReader.Upstream host, String apiKeyEnv) {}

  /** {@code provider}: a built-in name, a preset name, or {@code {custom: {...}}}. */
  private Built spec(ConfigNode provider, Params params) {
    if (!provider.require()) {
      return null;
    }
    String model = params.get("model").text();
    if (provider.isMapping()) {
      if (!provider.mapping(UpstreamFields.LLM_PROVIDER_REF)) {
        return null;
      }
      if (provider.field("reference").present()) {
        provider.field("reference").error("a provider must not reference another provider");
        return null;
      }
      AiProvider.Custom c = AiReader.custom(provider.field("custom"), model);
      return c == null ? null : new Built(c, null, null);
    }
    String kind = provider.text();
    if (kind == null) {
      return null;
    }
    ProviderPresets.Preset preset = ProviderPresets.PRESETS.get(kind);
    if (preset != null) {
      List<AiProvider.FormatPath> formats = new ArrayList<>();
      preset.formats().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e ->
                  formats.add(
                      new AiProvider.FormatPath(
                          e.getKey(), e.getValue().isEmpty() ? null : e.getValue())));
      return new Built(
          new AiProvider.Custom(model, kind, formats),
          AiReader.knownUrl(preset.baseUrl()),
          preset.apiKeyEnv());
    }
    if (!BUILTIN.contains(kind)) {
      provider.error(
          "unknown provider "
              + kind
              + " (expected one of "
              + String.join(", ", BUILTIN.stream().sorted().toList())
              + ", or a preset: "
              + String.join(", ", ProviderPresets.names())
              + ")");
      return null;
    }
    AiProvider.Spec spec =
        switch (kind) {
          case "openai", "openAI" -> new AiProvider.OpenAi(model);
          case "anthropic" -> new AiProvider.Anthropic(model);
          case "gemini" -> new AiProvider.Gemini(model);
          case "copilot" -> new AiProvider.Copilot(model);
          case "vertex" -> {
            String project = params.get("vertexProject").text();
            if (project == null) {
              params.get("vertexProject").require();
              yield null;
            }
            String region = params.get("vertexRegion").text();
            yield new AiProvider.Vertex(model, project, region == null ? "global" : region);
          }
          case "bedrock" -> {
            ConfigNode regionNode = params.get("awsRegion");
            String region = regionNode.requiredText();
            yield region == null ? null : new AiProvider.Bedrock(model, region);
          }
          default -> {
            ConfigNode resourceNode = params.get("azureResourceName");
            String resource = resourceNode.requiredText();
            ConfigNode typeNode = params.get("azureResourceType");
            String type = typeNode.present() ? typeNode.choice(AZURE_TYPES) : "openAI";
            if (resource == null || type == null) {
              yield null;
            }
            yield AiReader.azureSpec(
                params.get("azureProjectName"),
                model,
                resource,
                type,
                params.get("azureApiVersion").text(),
                params.get("azureProjectName").text());
          }
        };
    return spec == null ? null : new Built(spec, null, null);
  }

  /** A model's {@code params}, falling back field by field to its referenced provider's. */
  private static final class Params {
    private final ConfigNode own;
    private final ConfigNode inherited;

    Params(ConfigNode own, ConfigNode inherited) {
      this.own = own;
      this.inherited = inherited;
      own.mapping(UpstreamFields.LLM_PARAMS);
      if (inherited != null) {
        inherited.mapping(UpstreamFields.LLM_PARAMS);
      }
    }

    ConfigNode get(String field) {
      ConfigNode value = own.field(field);
      if (!value.present() && inherited != null && inherited.field(field).present()) {
        return inherited.field(field);
      }
      return value;
    }
  }
}
