package dev.agentgateway.model.ir;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;

/** One MCP server behind a {@link Backend.Mcp}. */
public sealed interface McpTarget {

  /** The target's name: the prefix of its tools, prompts and resource URIs when multiplexing. */
  String name();

  /** Names are prefixes split off at the first {@code _}, so they cannot contain one. */
  private static void requireName(String name) {
    Objects.requireNonNull(name, "name");
    if (name.isBlank() || name.indexOf('_') >= 0) {
      throw new IllegalArgumentException(
          "mcp target name must be non-blank without '_', got '" + name + "'");
    }
  }

  /** How a remote target is spoken to. */
  enum Transport {
    STREAMABLE_HTTP,
    /** The legacy HTTP+SSE transport: a GET event stream plus a message endpoint. */
    SSE
  }

  /**
   * A server reached over HTTP.
   *
   * @param name the target's name
   * @param transport streamable HTTP or legacy SSE
   * @param upstream a host or a Service
   * @param path the endpoint's path, starting with {@code /}
   */
  record Remote(String name, Transport transport, Backend upstream, String path)
      implements McpTarget {
    public Remote {
      requireName(name);
      Objects.requireNonNull(transport, "transport");
      Backend.requirePlain(upstream, "mcp target upstream");
      Objects.requireNonNull(path, "path");
      if (!path.startsWith("/")) {
        throw new IllegalArgumentException("mcp target path must start with '/', got " + path);
      }
    }
  }

  /**
   * A server the proxy runs as a child process, speaking JSON-RPC over stdin and stdout.
   *
   * @param name the target's name
   * @param command the executable
   * @param args its arguments
   * @param env variables added to the proxy's environment for the child, in order
   */
  record Stdio(String name, String command, List<String> args, List<EnvVar> env)
      implements McpTarget {
    public Stdio {
      requireName(name);
      Objects.requireNonNull(command, "command");
      if (command.isBlank()) {
        throw new IllegalArgumentException("stdio command is blank");
      }
      args = List.copyOf(args);
      env = List.copyOf(env);
    }
  }

  /**
   * A REST API described by an OpenAPI 3 document, served as MCP tools (one per operation).
   *
   * <p>The document travels with the target, read once when the config is loaded, so a proxy never
   * reads a file or URL named by someone else's config.
   *
   * @param name the target's name
   * @param schema the OpenAPI document as JSON text, at most {@link #MAX_SCHEMA_BYTES} UTF-8 bytes
   * @param upstream where the API listens: a host or a Service
   * @param pathPrefix a path put before every operation's path, or {@code null}
   */
  record OpenApi(String name, String schema, Backend upstream, String pathPrefix)
      implements McpTarget {
    /**
     * The largest schema accepted. It rides in one xDS resource, and gRPC refuses messages over 4
     * MiB by default, so a schema must leave room for the rest of the backend.
     */
    public static final int MAX_SCHEMA_BYTES = 2 * 1024 * 1024;

    public OpenApi {
      requireName(name);
      Objects.requireNonNull(schema, "schema");
      if (schema.isBlank()) {
        throw new IllegalArgumentException("openapi schema is blank");
      }
      if (schema.length() > MAX_SCHEMA_BYTES
          || schema.getBytes(StandardCharsets.UTF_8).length > MAX_SCHEMA_BYTES) {
        throw new IllegalArgumentException(
            "openapi schema is larger than " + MAX_SCHEMA_BYTES + " bytes");
      }
      Backend.requirePlain(upstream, "openapi upstream");
      if (pathPrefix != null && !pathPrefix.startsWith("/")) {
        throw new IllegalArgumentException(
            "openapi path prefix must start with '/', got " + pathPrefix);
      }
    }

    /** Leaves the schema out: it can be megabytes long. */
    @Override
    public String toString() {
      return "OpenApi[name="
          + name
          + ", schema=<"
          + schema.length()
          + " chars>, upstream="
          + upstream
          + ", pathPrefix="
          + pathPrefix
          + "]";
    }
  }

  /**
   * One environment variable of a {@link Stdio} child. Its value may be a credential, so dumps
   * redact it.
   */
  record EnvVar(String name, String value) {
    public EnvVar {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0) {
        throw new IllegalArgumentException("invalid environment variable name: " + name);
      }
    }
  }
}
