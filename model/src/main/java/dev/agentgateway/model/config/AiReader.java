package dev.agentgateway.model.config;

import dev.agentgateway.model.ir.AiProvider;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.BackendAuth;
import dev.agentgateway.model.ir.Secret;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code ai} route backends (upstream's LocalAIBackend: one named provider, or {@code groups}
 * of them) and the pieces the {@code llm:} shortcut shares with them: provider specs, base URLs and
 * the key a provider gets when none is configured.
 */
final class AiReader {
  private static final List<String> AZURE_TYPES = List.of("openAI", "foundry", "aiServices");

  private final BackendAuthReader auth;
  private final Map<String, String> env;

  AiReader(BackendAuthReader auth, Map<String, String> env) {
    this.auth = auth;
    this.env = Map.copyOf(env);
  }

  BackendAuthReader auth() {
    return auth;
  }

  /**
   * An {@code ai} backend, or null after reporting problems.
   *
   * @param name the backend's name when it has groups (a single provider names it itself)
   * @param inherited the backendAuth of the route or route backend, which providers without their
   *     own get
   */
  Backend.Ai backend(ConfigNode ai, String name, BackendAuth inherited) {
    if (!ai.require()) {
      return null;
    }
    if (!ai.isMapping()) {
      ai.error("expected a mapping");
      return null;
    }
    Set<String> names = new HashSet<>();
    if (!ai.field("groups").present()) {
      AiProvider p = named(ai, inherited, names);
      return p == null ? null : new Backend.Ai(p.name(), List.of(List.of(p)));
    }
    if (!ai.mapping(UpstreamFields.AI_GROUPS)) {
      return null;
    }
    List<List<AiProvider>> groups = new ArrayList<>();
    boolean ok = true;
    for (ConfigNode group : ai.field("groups").list()) {
      if (!group.mapping(UpstreamFields.AI_GROUP)) {
        ok = false;
        continue;
      }
      ConfigNode providersNode = group.field("providers");
      List<AiProvider> providers = new ArrayList<>();
      List<ConfigNode> items = providersNode.list();
      for (ConfigNode p : items) {
        AiProvider provider = named(p, inherited, names);
        ok &= provider != null;
        if (provider != null) {
          providers.add(provider);
        }
      }
      if (items.isEmpty()) {
        providersNode.error("a group needs at least one provider");
        ok = false;
      }
      groups.add(providers);
    }
    if (groups.isEmpty() && ok) {
      ai.field("groups").error("needs at least one group");
      return null;
    }
    return ok ? new Backend.Ai(name, groups) : null;
  }

  /** One LocalNamedAIProvider: {@code {name, provider, hostOverride, pathOverride, ...}}. */
  private AiProvider named(ConfigNode node, BackendAuth inherited, Set<String> names) {
    if (!node.mapping(UpstreamFields.NAMED_AI_PROVIDER)) {
      return null;
    }
    ConfigNode nameNode = node.field("name");
    String name = nameNode.requiredText();
    if (name != null && !names.add(name)) {
      nameNode.error("duplicate provider name " + name);
      name = null;
    }
    AiProvider.Spec spec = spec(node.field("provider"));
    ConfigNode hostNode = node.field("hostOverride");
    Upstream host = hostNode.present() ? upstream(hostNode, false) : null;
    ConfigNode pathOverrideNode = node.field("pathOverride");
    String pathOverride = path(pathOverrideNode);
    ConfigNode pathPrefixNode = node.field("pathPrefix");
    String pathPrefix = path(pathPrefixNode);
    if (pathOverride != null && pathPrefix != null) {
      pathPrefixNode.error("pathOverride and pathPrefix are mutually exclusive");
      return null;
    }
    BackendAuth own = null;
    ConfigNode policies = node.field("policies");
    if (policies.mapping(UpstreamFields.AI_PROVIDER_POLICIES)) {
      own = auth.read(policies.field("backendAuth"));
    }
    if (spec instanceof AiProvider.Custom && !hostNode.present()) {
      hostNode.error("a custom provider needs hostOverride");
      return null;
    }
    if (name == null || spec == null || (hostNode.present() && host == null)) {
      return null;
    }
    BackendAuth chosen =
        own != null ? own : inherited != null ? inherited : defaultAuth(spec, null);
    return build(node, name, spec, host, pathOverride, pathPrefix, chosen, null, Map.of());
  }

  /** The IR provider, reporting the IR's own refusals on {@code node}. */
  static AiProvider build(
      ConfigNode node,
      String name,
      AiProvider.Spec spec,
      Upstream host,
      String pathOverride,
      String pathPrefix,
      BackendAuth auth,
      String modelPattern,
      Map<String, String> transformations) {
    try {
      return new AiProvider(
          name,
          spec,
          host == null ? null : host.host(),
          pathOverride,
          pathPrefix,
          host != null && host.tls(),
          auth,
          modelPattern,
          transformations);
    } catch (IllegalArgumentException e) {
      node.error(e.getMessage());
      return null;
    }
  }

  /** Upstream's AIProvider union: {@code {openAI: {model}}}, {@code {bedrock: {region}}}, ... */
  AiProvider.Spec spec(ConfigNode provider) {
    if (!provider.require()) {
      return null;
    }
    String kind = provider.oneOf(UpstreamFields.AI_PROVIDER_KIND);
    if (kind == null) {
      return null;
    }
    ConfigNode s = provider.field(kind);
    if (s.present() && !s.isMapping()) {
      s.error("expected a mapping");
      return null;
    }
    return switch (kind) {
      case "openAI" ->
          s.present() && !s.mapping(UpstreamFields.OPENAI_PROVIDER)
              ? null
              : new AiProvider.OpenAi(s.field("model").text());
      case "anthropic" -> modelOnly(s) ? new AiProvider.Anthropic(s.field("model").text()) : null;
      case "gemini" -> modelOnly(s) ? new AiProvider.Gemini(s.field("model").text()) : null;
      case "copilot" -> modelOnly(s) ? new AiProvider.Copilot(s.field("model").text()) : null;
      case "vertex" -> vertex(s);
      case "bedrock" -> bedrock(s);
      case "azure" -> azure(s);
      default -> custom(s, null);
    };
  }

  private static boolean modelOnly(ConfigNode s) {
    return !s.present() || s.mapping(UpstreamFields.MODEL_ONLY);
  }

  private static AiProvider.Spec vertex(ConfigNode s) {
    if (!s.require() || !s.mapping(UpstreamFields.VERTEX_PROVIDER)) {
      return null;
    }
    String project = s.field("projectId").requiredText();
    String region = s.field("region").text();
    return project == null
        ? null
        : new AiProvider.Vertex(
            s.field("model").text(), project, region == null ? "global" : region);
  }

  private static AiProvider.Spec bedrock(ConfigNode s) {
    if (!s.require() || !s.mapping(UpstreamFields.BEDROCK_PROVIDER)) {
      return null;
    }
    String region = s.field("region").requiredText();
    return region == null ? null : new AiProvider.Bedrock(s.field("model").text(), region);
  }

  private static AiProvider.Spec azure(ConfigNode s) {
    if (!s.require() || !s.mapping(UpstreamFields.AZURE_PROVIDER)) {
      return null;
    }
    String resource = s.field("resourceName").requiredText();
    ConfigNode typeNode = s.field("resourceType");
    String type = typeNode.require() ? typeNode.choice(AZURE_TYPES) : null;
    if (resource == null || type == null) {
      return null;
    }
    ConfigNode projectNode = s.field("projectName");
    String project = projectNode.text();
    return azureSpec(
        s, s.field("model").text(), resource, type, s.field("apiVersion").text(), project);
  }

  /** An Azure spec, reporting a missing Foundry project on {@code node}. */
  static AiProvider.Spec azureSpec(
      ConfigNode node, String model, String resource, String type, String version, String project) {
    AiProvider.AzureResourceType t =
        type.equals("openAI")
            ? AiProvider.AzureResourceType.OPENAI
            : AiProvider.AzureResourceType.FOUNDRY; // aiServices is upstream's older name for it
    if (t == AiProvider.AzureResourceType.FOUNDRY && project == null) {
      node.error("projectName is required for resourceType " + type);
      return null;
    }
    return new AiProvider.Azure(model, resource, t, version, project);
  }

  /** Upstream's CustomProvider: {@code {model, providerOverride, formats: [{type, path}]}}. */
  static AiProvider.Custom custom(ConfigNode s, String model) {
    if (!s.require() || !s.mapping(UpstreamFields.CUSTOM_PROVIDER)) {
      return null;
    }
    ConfigNode formatsNode = s.field("formats");
    if (!formatsNode.require()) {
      return null;
    }
    List<AiProvider.FormatPath> formats = new ArrayList<>();
    Set<AiProvider.ProviderFormat> seen = new HashSet<>();
    boolean ok = true;
    for (ConfigNode f : formatsNode.list()) {
      if (!f.mapping(UpstreamFields.FORMAT_CONFIG)) {
        ok = false;
        continue;
      }
      ConfigNode typeNode = f.field("type");
      String type = typeNode.require() ? typeNode.choice(FORMATS) : null;
      String path = path(f.field("path"));
      if (type == null || (f.field("path").present() && path == null)) {
        ok = false;
        continue;
      }
      AiProvider.ProviderFormat format = format(type);
      if (!seen.add(format)) {
        typeNode.error("duplicate format " + type);
        ok = false;
        continue;
      }
      formats.add(new AiProvider.FormatPath(format, path));
    }
    if (formats.isEmpty() && ok) {
      formatsNode.error("needs at least one format");
      return null;
    }
    String m = model != null ? model : s.field("model").text();
    return ok ? new AiProvider.Custom(m, s.field("providerOverride").text(), formats) : null;
  }

  private static final List<String> FORMATS =
      List.of(
          "completions",
          "messages",
          "responses",
          "embeddings",
          "anthropicTokenCount",
          "generateContent",
          "geminiCountTokens",
          "realtime",
          "rerank");

  private static AiProvider.ProviderFormat format(String type) {
    return switch (type) {
      case "anthropicTokenCount" -> AiProvider.ProviderFormat.ANTHROPIC_TOKEN_COUNT;
      case "generateContent" -> AiProvider.ProviderFormat.GENERATE_CONTENT;
      case "geminiCountTokens" -> AiProvider.ProviderFormat.GEMINI_COUNT_TOKENS;
      default -> AiProvider.ProviderFormat.valueOf(type.toUpperCase(Locale.ROOT));
    };
  }

  /** An absolute path, or null (reported when it is not one). */
  static String path(ConfigNode node) {
    String text = node.text();
    if (text != null && !text.startsWith("/")) {
      node.error("path must start with \"/\"");
      return null;
    }
    return text;
  }

  /** Where a provider is reached instead of its default host. */
  record Upstream(Backend.Host host, boolean tls, String path) {}

  /**
   * {@code host:port}, {@code http://host[:port][/path]} or {@code https://host[:port][/path]}; a
   * path only when {@code pathAllowed} (a base URL). Null after reporting a problem.
   */
  static Upstream upstream(ConfigNode node, boolean pathAllowed) {
    String text = node.requiredText();
    if (text == null) {
      return null;
    }
    Parsed parsed = parse(text, pathAllowed);
    if (parsed.error() != null) {
      node.error(parsed.error());
    }
    return parsed.value();
  }

  /** A base URL this code itself holds (a preset's). */
  static Upstream knownUrl(String url) {
    Parsed parsed = parse(url, true);
    if (parsed.error() != null) {
      throw new IllegalStateException(url + ": " + parsed.error());
    }
    return parsed.value();
  }

  private record Parsed(Upstream value, String error) {
    static Parsed error(String message) {
      return new Parsed(null, message);
    }
  }

  private static Parsed parse(String text, boolean pathAllowed) {
    String lower = text.toLowerCase(Locale.ROOT);
    boolean tls = lower.startsWith("https://");
    boolean http = lower.startsWith("http://");
    String rest = tls ? text.substring(8) : http ? text.substring(7) : text;
    if (rest.contains("://")) {
      return Parsed.error("unsupported URL scheme (use http:// or https://)");
    }
    if (rest.indexOf('?') >= 0 || rest.indexOf('#') >= 0) {
      return Parsed.error("a query or fragment is not allowed here");
    }
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? null : rest.substring(slash);
    while (path != null && path.endsWith("/")) {
      path = path.length() == 1 ? null : path.substring(0, path.length() - 1);
    }
    if (path != null && !pathAllowed) {
      return Parsed.error("must not have a path (use pathPrefix)");
    }
    int close = authority.lastIndexOf(']');
    boolean hasPort = authority.indexOf(':', close + 1) >= 0;
    if (!tls && !http && !hasPort) {
      return Parsed.error("expected host:port or an http:// or https:// URL");
    }
    String withPort = hasPort ? authority : authority + (tls ? ":443" : ":80");
    try {
      HostPort parsed = HostPort.parse(withPort, 1);
      return new Parsed(
          new Upstream(new Backend.Host(parsed.host(), parsed.port()), tls, path), null);
    } catch (IllegalArgumentException e) {
      return Parsed.error("invalid host: " + e.getMessage());
    }
  }

  /**
   * The key a provider gets when none is configured, as upstream detects it: the provider's usual
   * environment variable ({@code OPENAI_API_KEY}, ...), or the AWS environment for Bedrock. Null
   * when there is none (ollama needs none; Vertex and Azure Entra tokens are not supported yet).
   */
  BackendAuth defaultAuth(AiProvider.Spec spec, String presetEnv) {
    String var =
        switch (spec) {
          case AiProvider.OpenAi s -> "OPENAI_API_KEY";
          case AiProvider.Anthropic s -> "ANTHROPIC_API_KEY";
          case AiProvider.Gemini s -> "GEMINI_API_KEY";
          case AiProvider.Azure s -> "AZURE_OPENAI_API_KEY";
          case AiProvider.Bedrock s -> null;
          case AiProvider.Vertex s -> null;
          case AiProvider.Copilot s -> null;
          case AiProvider.Custom s -> presetEnv;
        };
    if (spec instanceof AiProvider.Bedrock b) {
      return BackendAuth.Aws.implicit(b.region(), null);
    }
    String value = var == null ? null : env.get(var);
    return value == null || value.isEmpty() ? null : new BackendAuth.Key(new Secret(value));
  }
}
