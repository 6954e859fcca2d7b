package dev.agentgateway.proxy.mcp.authz;

import java.util.Map;
import java.util.Objects;

/**
 * A tool, prompt, resource or task of one target, as authorization sees it: CEL's {@code mcp.tool},
 * {@code mcp.prompt}, {@code mcp.resource} or {@code mcp.task}, each with {@code name} and {@code
 * target}. Names are the target's own (without the gateway's {@code <target>_} prefix); a
 * resource's name is its URI, also readable as {@code mcp.resource.uri}.
 *
 * @param kind which MCP object this is
 * @param target the target's name in the backend
 * @param name the tool or prompt name, the resource URI or the task id, as the target knows it
 */
public record McpResource(Kind kind, String target, String name) {
  public McpResource {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(name, "name");
  }

  /** A tool of {@code target}. */
  public static McpResource tool(String target, String name) {
    return new McpResource(Kind.TOOL, target, name);
  }

  /** A prompt of {@code target}. */
  public static McpResource prompt(String target, String name) {
    return new McpResource(Kind.PROMPT, target, name);
  }

  /** A resource (or resource template) of {@code target}, by URI. */
  public static McpResource resource(String target, String uri) {
    return new McpResource(Kind.RESOURCE, target, uri);
  }

  /** A task of {@code target}, by id. */
  public static McpResource task(String target, String id) {
    return new McpResource(Kind.TASK, target, id);
  }

  /** The value of CEL's {@code mcp} variable: only this kind's key is present. */
  Map<String, Object> toCel() {
    Map<String, String> fields =
        kind == Kind.RESOURCE
            ? Map.of("name", name, "target", target, "uri", name)
            : Map.of("name", name, "target", target);
    return Map.of(kind.key(), fields);
  }

  /** The kinds of MCP object that rules can name. */
  public enum Kind {
    /** {@code mcp.tool}. */
    TOOL("tool"),
    /** {@code mcp.prompt}. */
    PROMPT("prompt"),
    /** {@code mcp.resource}. */
    RESOURCE("resource"),
    /** {@code mcp.task}. */
    TASK("task");

    private final String key;

    Kind(String key) {
      this.key = key;
    }

    /** The key under {@code mcp} and the word in error messages: {@code tool}, ... */
    public String key() {
      return key;
    }
  }
}
