package dev.agentgateway.proxy.mcp;

import dev.agentgateway.model.config.ConfigException;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.StaticConfig;
import dev.agentgateway.proxy.mcp.mux.McpAccess;
import dev.agentgateway.proxy.mcp.server.McpEndpoint;
import dev.agentgateway.proxy.mcp.server.McpReply;
import dev.agentgateway.proxy.mcp.server.SealedSessionIds;
import dev.agentgateway.proxy.mcp.session.SessionCodec;
import dev.agentgateway.proxy.mcp.upstream.http.HttpUpstreamFactory;
import dev.agentgateway.proxy.mcp.upstream.stdio.StdioProcesses;
import dev.agentgateway.proxy.state.StateHolder;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * The MCP gateway of one proxy process: its sessions, the HTTP client and child processes its
 * targets use, and the key that seals session ids. Closing it ends every session and stops every
 * child process.
 */
public final class McpGateway implements AutoCloseable {
  private final HttpUpstreamFactory http = HttpUpstreamFactory.create();
  private final StdioProcesses processes = new StdioProcesses(true);
  private final McpEndpoint endpoint;

  /**
   * @param codec seals session ids; one with the configured key ({@code SESSION_KEY} or {@code
   *     config.session.key}) lets other replicas resume this one's sessions
   * @param stopping true once the proxy shuts down: MCP streams end so the drain can finish
   */
  public McpGateway(
      StateHolder state,
      SessionCodec codec,
      Duration sessionTtl,
      String version,
      BooleanSupplier stopping) {
    this.endpoint =
        new McpEndpoint(
            new TargetConnector(state, http, processes, version),
            new SealedSessionIds(codec, Clock.systemUTC()),
            sessionTtl,
            version,
            stopping);
  }

  /**
   * The codec for {@code statics}: its session key (the loader already applied {@code SESSION_KEY}
   * over {@code config.session.key}), else a per-process key, said once in the log.
   */
  public static SessionCodec codec(StaticConfig statics) {
    try {
      return SessionCodec.fromSettings(
          null, statics.sessionKey() == null ? null : statics.sessionKey().hex());
    } catch (ConfigException e) {
      // The loader validated the key already; reaching this is a bug, not bad input.
      throw new IllegalStateException(e.getMessage(), e);
    }
  }

  /** Serves one request routed to {@code backend}. */
  public McpReply serve(
      ServerRequest req,
      ServerResponse res,
      String path,
      Backend.Mcp backend,
      McpAccess access,
      Duration timeout) {
    return endpoint.serve(req, res, path, backend, access, timeout);
  }

  /** Sessions open on this process. */
  public int openSessions() {
    return endpoint.openSessions();
  }

  @Override
  public void close() {
    endpoint.close();
    processes.close();
    http.close();
  }
}
