package dev.agentgateway.model.config;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.McpTarget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads MCP backends: an inline route backend {@code mcp: {...}} (upstream's LocalMcpBackend) and
 * the fields the top-level {@code mcp:} shortcut shares with it.
 */
final class McpReader {
  private static final List<String> STATEFUL_MODES = List.of("stateful", "stateless");
  private static final List<String> PREFIX_MODES = List.of("conditional", "always", "never");
  private static final List<String> FAILURE_MODES = List.of("failClosed", "failOpen");

  private final OpenApiSchemas schemas;

  McpReader(OpenApiSchemas schemas) {
    this.schemas = schemas;
  }

  /** A route backend's {@code mcp} value, or {@code null} after reporting its problems. */
  Backend.Mcp backend(ConfigNode mcp, String name) {
    if (!mcp.require() || !mcp.mapping(UpstreamFields.MCP_BACKEND)) {
      return null;
    }
    return read(mcp, name);
  }

  /**
   * The MCP fields of a mapping whose field names the caller has already checked: {@code targets},
   * {@code statefulMode}, {@code prefixMode}, {@code failureMode}, {@code dnsRebindingProtection}.
   */
  Backend.Mcp read(ConfigNode mcp, String name) {
    ConfigNode targetsNode = mcp.field("targets");
    List<McpTarget> targets = new ArrayList<>();
    boolean complete = true;
    if (targetsNode.require()) {
      List<ConfigNode> items = targetsNode.list();
      if (items.isEmpty() && targetsNode.raw().isArray() && targetsNode.raw().isEmpty()) {
        targetsNode.error("needs at least one target");
      }
      Map<String, String> seen = new HashMap<>();
      for (ConfigNode item : items) {
        McpTarget target = target(item, seen);
        if (target == null) {
          complete = false;
        } else {
          targets.add(target);
        }
      }
    }
    String stateful = mcp.field("statefulMode").choice(STATEFUL_MODES);
    String prefix = mcp.field("prefixMode").choice(PREFIX_MODES);
    String failure = mcp.field("failureMode").choice(FAILURE_MODES);
    Boolean dnsRebinding = mcp.field("dnsRebindingProtection").bool();
    if (!complete || targets.isEmpty()) {
      return null;
    }
    return new Backend.Mcp(
        name,
        targets,
        prefix == null ? Backend.Mcp.PrefixMode.CONDITIONAL : prefixMode(prefix),
        "failOpen".equals(failure)
            ? Backend.Mcp.FailureMode.FAIL_OPEN
            : Backend.Mcp.FailureMode.FAIL_CLOSED,
        !"stateless".equals(stateful),
        Boolean.TRUE.equals(dnsRebinding));
  }

  private static Backend.Mcp.PrefixMode prefixMode(String text) {
    return switch (text) {
      case "always" -> Backend.Mcp.PrefixMode.ALWAYS;
      case "never" -> Backend.Mcp.PrefixMode.NEVER;
      default -> Backend.Mcp.PrefixMode.CONDITIONAL;
    };
  }

  /** One {@code targets[]} entry, or {@code null} after reporting its problems. */
  private McpTarget target(ConfigNode target, Map<String, String> seen) {
    if (!target.mapping(UpstreamFields.MCP_TARGET)) {
      return null;
    }
    String name = targetName(target.field("name"), seen);
    String kind = target.variant(UpstreamFields.MCP_TARGET_KIND);
    if (kind == null) {
      return null;
    }
    ConfigNode spec = target.field(kind);
    if (!spec.require()) {
      return null;
    }
    return switch (kind) {
      case "mcp" -> remote(spec, name, McpTarget.Transport.STREAMABLE_HTTP, "/mcp");
      case "sse" -> remote(spec, name, McpTarget.Transport.SSE, "/sse");
      case "stdio" -> stdio(spec, name);
      default -> openApi(spec, name);
    };
  }

  /**
   * A valid, unique target name, or {@code null}. Clients see {@code <target>_<tool>} and the
   * gateway splits at the first {@code _}, so a name cannot contain one.
   */
  private static String targetName(ConfigNode node, Map<String, String> seen) {
    String name = node.requiredText();
    if (name == null) {
      return null;
    }
    if (name.isBlank()) {
      node.error("must not be blank");
      return null;
    }
    if (name.indexOf('_') >= 0) {
      node.error("must not contain \"_\" (it separates the target's name from its tools' names)");
      return null;
    }
    String first = seen.putIfAbsent(name, node.path());
    if (first != null) {
      node.error("duplicate target name \"" + name + "\" (also at " + first + ")");
      return null;
    }
    return name;
  }

  private static McpTarget remote(
      ConfigNode spec, String name, McpTarget.Transport transport, String defaultPath) {
    if (!spec.mapping(UpstreamFields.MCP_REMOTE) || spec.field("backend").present()) {
      return null; // a backend reference was reported as not supported yet
    }
    BackendReader.Address address = BackendReader.address(spec);
    if (address == null || name == null) {
      return null;
    }
    String path = address.path() == null ? defaultPath : address.path();
    return new McpTarget.Remote(name, transport, address.host(), path);
  }

  private static McpTarget stdio(ConfigNode spec, String name) {
    if (!spec.mapping(UpstreamFields.MCP_STDIO)) {
      return null;
    }
    ConfigNode cmdNode = spec.field("cmd");
    String cmd = cmdNode.requiredText();
    if (cmd != null && cmd.isBlank()) {
      cmdNode.error("must not be blank");
      cmd = null;
    }
    List<String> args = new ArrayList<>();
    boolean complete = true;
    for (ConfigNode arg : spec.field("args").list()) {
      String text = arg.text();
      complete &= text != null;
      args.add(text);
    }
    List<McpTarget.EnvVar> env = new ArrayList<>();
    for (Map.Entry<String, ConfigNode> entry : spec.field("env").entries().entrySet()) {
      McpTarget.EnvVar variable = envVar(entry.getKey(), entry.getValue());
      complete &= variable != null;
      env.add(variable);
    }
    if (cmd == null || name == null || !complete) {
      return null;
    }
    return new McpTarget.Stdio(name, cmd, args, env);
  }

  /** One child environment variable; errors never repeat the value, which may be a secret. */
  private static McpTarget.EnvVar envVar(String name, ConfigNode valueNode) {
    boolean validName = !name.isEmpty() && name.indexOf('=') < 0 && name.indexOf('\0') < 0;
    if (!validName) {
      valueNode.error("invalid environment variable name (it must be non-empty without \"=\")");
    }
    String value = valueNode.present() ? valueNode.text() : null;
    if (!valueNode.present()) {
      valueNode.error("must be a string");
    }
    return validName && value != null ? new McpTarget.EnvVar(name, value) : null;
  }

  private McpTarget openApi(ConfigNode spec, String name) {
    if (!spec.mapping(UpstreamFields.MCP_OPENAPI)) {
      return null;
    }
    String schema = schemas.read(spec.field("schema"));
    if (spec.field("backend").present()) {
      return null; // a backend reference was reported as not supported yet
    }
    BackendReader.Address address = BackendReader.address(spec);
    if (address == null || name == null || schema == null) {
      return null;
    }
    return new McpTarget.OpenApi(name, schema, address.host(), pathPrefix(address.path()));
  }

  /** Operation paths are appended to the prefix, so a trailing {@code /} is dropped. */
  private static String pathPrefix(String path) {
    if (path == null) {
      return null;
    }
    String trimmed = path.replaceAll("/+$", "");
    return trimmed.isEmpty() ? null : trimmed;
  }
}
