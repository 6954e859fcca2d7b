package dev.agentgateway.proxy.mcp.upstream.openapi;

import dev.agentgateway.model.ir.McpTarget;
import dev.agentgateway.proxy.mcp.upstream.McpTransportException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Opens OpenAPI upstreams. Each document is compiled once and shared by every session of every
 * target carrying it: the gateway opens an upstream per target per MCP session, and compiling a
 * large document per session would cost more than the session's calls.
 *
 * <p>Compiled documents are keyed weakly by the schema text, which the config's targets hold, so
 * one drops out once no config uses it; an identical schema in a reloaded config finds the same
 * entry. Documents that failed to compile are kept too, so a broken one is not re-parsed per
 * session.
 */
public final class OpenApiUpstreams implements AutoCloseable {
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

  private final String version;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<String, Compiled> compiled = new WeakHashMap<>();
  private HttpClient client;

  private record Compiled(OpenApiTools tools, String problem) {}

  /**
   * @param version the gateway's version, for serverInfo
   */
  public OpenApiUpstreams(String version) {
    this.version = Objects.requireNonNull(version, "version");
  }

  /**
   * A new session with {@code target}'s API at {@code authority}.
   *
   * @param authority {@code host:port} of the API (a host, or the endpoint picked for a Service)
   * @param protocolVersion the version agreed when resuming a session; null for a new one
   * @throws McpTransportException the target's document cannot be served; the message names the
   *     target
   */
  public OpenApiUpstream open(McpTarget.OpenApi target, String authority, String protocolVersion)
      throws McpTransportException {
    Compiled c;
    HttpClient http;
    lock.lock();
    try {
      c = compiled.get(target.schema());
      if (c == null) {
        c = compile(target.schema());
        compiled.put(target.schema(), c);
      }
      http = client();
    } finally {
      lock.unlock();
    }
    if (c.problem() != null) {
      throw new McpTransportException(
          "MCP target '" + target.name() + "': invalid OpenAPI schema: " + c.problem());
    }
    String prefix = target.pathPrefix() != null ? target.pathPrefix() : c.tools().basePath();
    String base = "http://" + authority + prefix;
    try {
      URI.create(base);
    } catch (IllegalArgumentException e) {
      throw new McpTransportException(
          "MCP target '" + target.name() + "': not a valid URL: " + base);
    }
    return new OpenApiUpstream(target.name(), c.tools(), base, http, version, protocolVersion);
  }

  private static Compiled compile(String schema) {
    try {
      return new Compiled(OpenApiTools.compile(schema), null);
    } catch (OpenApiSchemaException e) {
      return new Compiled(null, e.getMessage());
    }
  }

  /**
   * Made on first use, so a gateway without OpenAPI targets starts no client. Its work runs on
   * virtual threads; redirects are not followed, as for the other MCP transports.
   */
  private HttpClient client() {
    if (client == null) {
      client =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(CONNECT_TIMEOUT)
              .followRedirects(HttpClient.Redirect.NEVER)
              .executor(Executors.newVirtualThreadPerTaskExecutor())
              .build();
    }
    return client;
  }

  /** Stops the HTTP client; upstreams still open fail from then on. */
  @Override
  public void close() {
    lock.lock();
    try {
      if (client != null) {
        client.shutdownNow();
      }
    } finally {
      lock.unlock();
    }
  }
}
