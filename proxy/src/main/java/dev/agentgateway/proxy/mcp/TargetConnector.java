package dev.agentgateway.proxy.mcp;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.McpTarget;
import dev.agentgateway.proxy.endpoints.EndpointSet;
import dev.agentgateway.proxy.endpoints.UpstreamEndpoint;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;
import dev.agentgateway.proxy.mcp.mux.MuxSession;
import dev.agentgateway.proxy.mcp.mux.ServerSession;
import dev.agentgateway.proxy.mcp.upstream.McpTransportException;
import dev.agentgateway.proxy.mcp.upstream.McpUpstream;
import dev.agentgateway.proxy.mcp.upstream.http.HttpTarget;
import dev.agentgateway.proxy.mcp.upstream.http.HttpUpstreamFactory;
import dev.agentgateway.proxy.mcp.upstream.openapi.OpenApiUpstreams;
import dev.agentgateway.proxy.mcp.upstream.stdio.StdioProcesses;
import dev.agentgateway.proxy.mcp.upstream.stdio.StdioUpstream;
import dev.agentgateway.proxy.state.StateHolder;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Opens the upstream of an MCP target: streamable HTTP or SSE to a host or to one of a Service's
 * ready endpoints (the pinned one when resuming, if it is still there), a stdio child process, or
 * an OpenAPI service answered in process. Transports that cannot resume a server session (SSE,
 * stdio) get a fresh handshake instead; OpenAPI upstreams keep no server state and need none.
 */
final class TargetConnector implements MuxSession.Connector, AutoCloseable {
  private static final Duration HANDSHAKE = Duration.ofSeconds(30);

  private final StateHolder state;
  private final HttpUpstreamFactory http;
  private final StdioProcesses processes;
  private final String version;
  private final OpenApiUpstreams openApi;

  TargetConnector(
      StateHolder state, HttpUpstreamFactory http, StdioProcesses processes, String version) {
    this.state = state;
    this.http = http;
    this.processes = processes;
    this.version = version;
    this.openApi = new OpenApiUpstreams(version);
  }

  @Override
  public MuxSession.Connection connect(
      McpTarget target, ServerSession resume, McpUpstream.Listener listener)
      throws McpTransportException {
    return switch (target) {
      case McpTarget.Remote r -> remote(r, resume, listener);
      case McpTarget.Stdio s -> {
        StdioUpstream up = StdioUpstream.open(s, processes, listener);
        if (resume != null) {
          handshake(up, resume);
        }
        yield new MuxSession.Connection(up, null);
      }
      case McpTarget.OpenApi o -> {
        Address a = address(o.name(), o.upstream(), resume);
        yield new MuxSession.Connection(
            openApi.open(o, a.authority(), resume == null ? null : resume.protocolVersion()),
            a.endpoint());
      }
    };
  }

  /**
   * Where a target's HTTP upstream is.
   *
   * @param endpoint the Service endpoint picked, pinned in the session; null for a host
   */
  private record Address(String authority, String endpoint) {}

  private Address address(String name, Backend upstream, ServerSession resume)
      throws McpTransportException {
    return switch (upstream) {
      case Backend.Host h -> new Address(h.authority(), null);
      case Backend.Service s -> {
        EndpointSet set = state.get().endpoints().get(s);
        if (set == null || set.size() == 0) {
          throw new McpTransportException(
              "MCP target '" + name + "': no ready endpoints for service " + s.name());
        }
        String endpoint = pick(set, resume == null ? null : resume.endpoint());
        yield new Address(endpoint, endpoint);
      }
      default ->
          throw new McpTransportException(
              "MCP target '" + name + "': unsupported upstream " + upstream.name());
    };
  }

  private MuxSession.Connection remote(
      McpTarget.Remote r, ServerSession resume, McpUpstream.Listener listener)
      throws McpTransportException {
    Address address = address(r.name(), r.upstream(), resume);
    String endpoint = address.endpoint();
    String authority = address.authority();
    HttpTarget target;
    try {
      target = HttpTarget.of(r.name(), URI.create("http://" + authority + r.path()));
    } catch (IllegalArgumentException e) {
      throw new McpTransportException("MCP target '" + r.name() + "': " + e.getMessage());
    }
    McpUpstream up;
    if (r.transport() == McpTarget.Transport.SSE) {
      up = http.sse(target, listener);
      if (resume != null) {
        handshake(up, resume);
      }
    } else if (resume != null && resume.sessionId() != null) {
      up =
          http.resumeStreamableHttp(target, resume.sessionId(), resume.protocolVersion(), listener);
    } else {
      up = http.streamableHttp(target, listener);
      if (resume != null) {
        handshake(up, resume);
      }
    }
    return new MuxSession.Connection(up, endpoint);
  }

  /** The pinned endpoint when it is still ready, else any ready one. */
  private static String pick(EndpointSet set, String pinned) {
    if (pinned != null) {
      for (int i = 0; i < set.size(); i++) {
        if (set.get(i).toString().equals(pinned)) {
          return pinned;
        }
      }
    }
    UpstreamEndpoint e = set.get(ThreadLocalRandom.current().nextInt(set.size()));
    return e.toString();
  }

  /**
   * A new server session for a resumed gateway session: the client's own initialize happened on
   * another replica, so the gateway introduces itself with the version agreed then.
   */
  private void handshake(McpUpstream up, ServerSession resume) throws McpTransportException {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode params = nodes.objectNode();
    params.put(
        "protocolVersion",
        resume.protocolVersion() == null ? "2025-03-26" : resume.protocolVersion());
    params.putObject("capabilities");
    ObjectNode info = params.putObject("clientInfo");
    info.put("name", "agentgateway");
    info.put("version", version);
    JsonRpcMessage answer =
        up.call(
            new JsonRpcMessage.Request(nodes.textNode("agw-resume"), "initialize", params),
            HANDSHAKE,
            m -> {});
    if (!(answer instanceof JsonRpcMessage.Response)) {
      up.close();
      throw new McpTransportException("initialize on resumption failed: " + answer);
    }
    up.send(new JsonRpcMessage.Notification("notifications/initialized", null));
  }

  /** Stops the OpenAPI targets' HTTP client; sessions are closed before this. */
  @Override
  public void close() {
    openApi.close();
  }
}
