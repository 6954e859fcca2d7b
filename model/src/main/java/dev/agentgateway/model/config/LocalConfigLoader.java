package dev.agentgateway.model.config;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.model.ir.Policy;
import dev.agentgateway.model.ir.StaticConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Loads an agentgateway standalone config file (YAML or JSON) into the IR.
 *
 * <p>The whole file is checked in one pass and every problem is reported with its field path.
 * Upstream fields that are not implemented yet are rejected as such rather than ignored, so a
 * config never silently means less than it says.
 */
public final class LocalConfigLoader {
  private final Map<String, String> env;
  private final Path baseDir;
  private final ConfigParser parser = new ConfigParser();

  /**
   * A loader that resolves relative file names (such as an OpenAPI schema's) against the working
   * directory, as upstream does.
   *
   * @param env the environment used for {@code $VAR} expansion and overrides such as {@code
   *     ADMIN_ADDR}
   */
  public LocalConfigLoader(Map<String, String> env) {
    this(env, Path.of(""));
  }

  /**
   * @param env the environment used for {@code $VAR} expansion and overrides
   * @param baseDir what relative file names in the config resolve against
   */
  public LocalConfigLoader(Map<String, String> env, Path baseDir) {
    this.env = Map.copyOf(env);
    this.baseDir = Objects.requireNonNull(baseDir, "baseDir");
  }

  /** Reads and validates {@code file}. */
  public GatewayConfig load(Path file) throws IOException, ConfigException {
    return parse(Files.readString(file, StandardCharsets.UTF_8));
  }

  /** Validates config text. */
  public GatewayConfig parse(String text) throws ConfigException {
    JsonNode tree = parser.parse(text);
    ReadContext ctx = new ReadContext(new EnvExpander(env), baseDir);
    ConfigNode root = ConfigNode.root(tree.isNull() ? null : tree, ctx);
    if (root.present() && !root.isMapping()) {
      throw new ConfigException("", "the top level of the config must be a mapping");
    }
    root.mapping(UpstreamFields.ROOT);
    StaticConfig config = StaticConfigReader.read(root.field("config"));
    config = new EnvOverrides(env, ctx).apply(config);
    FrontendReader.Read frontend = FrontendReader.read(root.field("frontendPolicies"));
    TlsReader tls = new TlsReader(baseDir);
    tls.readDefaults(root.field("frontendPolicies"));
    Resources resources = new Resources();
    McpReader mcp = new McpReader(new OpenApiSchemas(baseDir));
    AiReader ai = new AiReader(new BackendAuthReader(baseDir), env);
    new BindReader(resources, new RouteReader(mcp, ai, tls), tls).readAll(root.field("binds"));
    new SimpleMcpReader(mcp).read(root.field("mcp"), resources);
    new LlmReader(ai).read(root.field("llm"), resources);
    List<Policy> policies = new AttachedPolicyReader().read(root.field("policies"), resources);
    if (frontend.policy() != null) {
      // First, so that a gateway- or listener-targeted frontend policy is more specific.
      policies = new java.util.ArrayList<>(policies);
      policies.addFirst(frontend.policy());
    }
    if (ctx.hasErrors()) {
      throw new ConfigException(ctx.errors());
    }
    return new GatewayConfig(
        config,
        frontend.http(),
        resources.binds,
        resources.listeners,
        resources.routes,
        policies,
        List.of());
  }
}
