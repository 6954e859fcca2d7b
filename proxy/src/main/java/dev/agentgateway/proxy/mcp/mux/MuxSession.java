package dev.agentgateway.proxy.mcp.mux;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.McpTarget;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcErrors;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;
import dev.agentgateway.proxy.mcp.upstream.McpTransportException;
import dev.agentgateway.proxy.mcp.upstream.McpUpstream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * One gateway session over the targets of an MCP backend: an upstream per target, requests fanned
 * out or routed by name, and what the servers send mapped back into the client's view. Thread-safe:
 * a client may have several requests in flight.
 */
public final class MuxSession implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(MuxSession.class.getName());

  /** Opens the upstream of one target, new or resumed. */
  @FunctionalInterface
  public interface Connector {
    /**
     * @param resume the server session to resume, or null to start a new one
     */
    Connection connect(McpTarget target, ServerSession resume, McpUpstream.Listener listener)
        throws McpTransportException;
  }

  /**
   * An opened upstream and the endpoint it went to.
   *
   * @param endpoint the {@code host:port} chosen, or null when the target has one address only
   */
  public record Connection(McpUpstream upstream, String endpoint) {}

  private final Backend.Mcp backend;
  private final Map<String, McpUpstream> upstreams = new ConcurrentHashMap<>();
  private final Map<String, String> endpoints = new ConcurrentHashMap<>();
  private final Map<String, String> versions = new ConcurrentHashMap<>();
  private final List<String> order;
  private final boolean prefixed;
  private final ExecutorService fanout = Executors.newVirtualThreadPerTaskExecutor();
  private final Map<String, String> toolTargets = new ConcurrentHashMap<>();
  private volatile Consumer<JsonRpcMessage> unsolicited;

  private MuxSession(Backend.Mcp backend) {
    this.backend = backend;
    this.order = backend.targets().stream().map(McpTarget::name).toList();
    this.prefixed = Names.prefixed(backend.prefixMode(), backend.targets().size());
  }

  /** A new session and the client's initialize response, or throws when it cannot start. */
  public record Opened(MuxSession session, JsonRpcMessage response) {}

  /**
   * Connects every target and initializes it with the client's own {@code initialize}; under
   * failOpen the targets that fail are left out (all failing is still an error).
   */
  public static Opened open(
      Backend.Mcp backend,
      Connector connector,
      JsonRpcMessage.Request initialize,
      Duration timeout,
      String version) {
    MuxSession session = new MuxSession(backend);
    Map<String, Future<JsonRpcMessage>> calls = new LinkedHashMap<>();
    for (McpTarget target : backend.targets()) {
      calls.put(
          target.name(),
          session.fanout.submit(
              () -> {
                Connection c = connector.connect(target, null, session.listener(target.name()));
                session.keep(target.name(), c);
                return c.upstream().call(initialize, timeout, m -> {});
              }));
    }
    Map<String, JsonNode> results = new LinkedHashMap<>();
    List<String> failures = new ArrayList<>();
    for (var e : calls.entrySet()) {
      String problem;
      try {
        JsonRpcMessage answer = e.getValue().get();
        if (answer instanceof JsonRpcMessage.Response r) {
          results.put(e.getKey(), r.result());
          String v = r.result().path("protocolVersion").asText("");
          if (!v.isEmpty()) {
            session.versions.put(e.getKey(), v);
          }
          continue;
        }
        problem = answer instanceof JsonRpcMessage.ErrorResponse err ? err.message() : "no result";
      } catch (ExecutionException ex) {
        problem = ex.getCause().getMessage();
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        problem = "interrupted";
      }
      failures.add(e.getKey() + ": " + problem);
      McpUpstream up = session.upstreams.remove(e.getKey());
      if (up != null) {
        up.close();
      }
    }
    if (!failures.isEmpty()
        && (backend.failureMode() == Backend.Mcp.FailureMode.FAIL_CLOSED || results.isEmpty())) {
      session.close();
      return new Opened(
          null,
          JsonRpcMessage.ErrorResponse.of(
              initialize.id(),
              JsonRpcErrors.INTERNAL_ERROR,
              "failed to initialize " + String.join("; ", failures)));
    }
    failures.forEach(f -> LOG.log(System.Logger.Level.WARNING, "mcp target left out: " + f));
    return new Opened(
        session,
        new JsonRpcMessage.Response(initialize.id(), InitializeMerge.merge(results, version)));
  }

  /** A session rebuilt from the server sessions another replica sealed into the client's id. */
  public static MuxSession resume(
      Backend.Mcp backend, Map<String, ServerSession> serverSessions, Connector connector)
      throws McpTransportException {
    MuxSession session = new MuxSession(backend);
    for (McpTarget target : backend.targets()) {
      if (!serverSessions.containsKey(target.name())) {
        continue; // left out when the session started (failOpen)
      }
      ServerSession resumed = serverSessions.get(target.name());
      if (resumed.protocolVersion() != null) {
        session.versions.put(target.name(), resumed.protocolVersion());
      }
      try {
        session.keep(
            target.name(),
            connector.connect(
                target, serverSessions.get(target.name()), session.listener(target.name())));
      } catch (McpTransportException e) {
        session.close();
        throw e;
      }
    }
    return session;
  }

  private void keep(String target, Connection c) {
    upstreams.put(target, c.upstream());
    if (c.endpoint() != null) {
      endpoints.put(target, c.endpoint());
    }
  }

  /** The server session of every live target, to seal into the client's session id. */
  public Map<String, ServerSession> serverSessions() {
    Map<String, ServerSession> out = new LinkedHashMap<>();
    for (String name : order) {
      McpUpstream up = upstreams.get(name);
      if (up != null) {
        out.put(name, new ServerSession(up.sessionId(), endpoints.get(name), versions.get(name)));
      }
    }
    return out;
  }

  /** Where messages outside any request go (the client's GET stream), or null to drop them. */
  public void unsolicited(Consumer<JsonRpcMessage> channel) {
    this.unsolicited = channel;
  }

  private McpUpstream.Listener listener(String target) {
    return message -> {
      Consumer<JsonRpcMessage> channel = unsolicited;
      if (channel != null) {
        channel.accept(ServerMessages.toClient(target, message, prefixed));
      }
    };
  }

  /**
   * Answers one client request.
   *
   * @param related receives what servers send for this request, already mapped for the client
   */
  public JsonRpcMessage request(
      JsonRpcMessage.Request request,
      McpAccess access,
      Duration timeout,
      Consumer<JsonRpcMessage> related) {
    String method = request.method();
    if (method.equals("ping")) {
      return new JsonRpcMessage.Response(request.id(), ServerMessages.emptyObject());
    }
    if (method.equals("logging/setLevel")) {
      return everyTarget(request, timeout, related);
    }
    ListKind list = ListKind.of(method);
    if (list != null) {
      return list(list, request, access, timeout, related);
    }
    Routed routed = Routing.route(this, request, access);
    if (routed.refusal() != null) {
      return routed.refusal();
    }
    McpUpstream up = upstreams.get(routed.target());
    if (up == null) {
      return JsonRpcMessage.ErrorResponse.of(
          request.id(),
          JsonRpcErrors.INTERNAL_ERROR,
          "target " + routed.target() + " is not available");
    }
    try {
      JsonRpcMessage answer =
          up.call(
              routed.request(),
              timeout,
              m -> related.accept(ServerMessages.toClient(routed.target(), m, prefixed)));
      return prefixed ? ServerMessages.answerToClient(routed.target(), method, answer) : answer;
    } catch (McpTransportException e) {
      return JsonRpcMessage.ErrorResponse.of(
          request.id(),
          JsonRpcErrors.INTERNAL_ERROR,
          "target " + routed.target() + ": " + e.getMessage());
    }
  }

  /** What {@code request} is about (target, tool, prompt or resource), for logs and metrics. */
  public CallInfo describe(JsonRpcMessage.Request request) {
    return CallInfo.of(this, request);
  }

  /** Passes a client notification on: cancellations and the rest to every target. */
  public void notification(JsonRpcMessage.Notification notification) {
    // In parallel, and waited for: the client's next request must not overtake it at a server
    // (notifications/initialized before the first list).
    if (upstreams.size() == 1) {
      upstreams.forEach((target, up) -> send(target, up, notification));
      return;
    }
    List<Future<?>> sends = new ArrayList<>();
    for (var e : upstreams.entrySet()) {
      sends.add(fanout.submit(() -> send(e.getKey(), e.getValue(), notification)));
    }
    for (Future<?> send : sends) {
      try {
        send.get();
      } catch (ExecutionException e) {
        // send() reports its own failures
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private static void send(String target, McpUpstream up, JsonRpcMessage.Notification n) {
    try {
      up.send(n);
    } catch (McpTransportException ex) {
      LOG.log(
          System.Logger.Level.DEBUG,
          "notification " + n.method() + " to " + target + ": " + ex.getMessage());
    }
  }

  /**
   * Routes the client's answer to a server's request back to that server; false when the id is not
   * one the gateway gave out.
   */
  public boolean clientResponse(JsonRpcMessage response) {
    JsonNode id =
        switch (response) {
          case JsonRpcMessage.Response r -> r.id();
          case JsonRpcMessage.ErrorResponse r -> r.id();
          default -> null;
        };
    ServerRequestIds.Origin origin = ServerRequestIds.fromClient(id);
    McpUpstream up = origin == null ? null : upstreams.get(origin.target());
    if (up == null) {
      return false;
    }
    JsonRpcMessage back =
        switch (response) {
          case JsonRpcMessage.Response r -> new JsonRpcMessage.Response(origin.id(), r.result());
          case JsonRpcMessage.ErrorResponse r ->
              new JsonRpcMessage.ErrorResponse(origin.id(), r.code(), r.message(), r.data());
          default -> throw new IllegalStateException();
        };
    try {
      up.send(back);
      return true;
    } catch (McpTransportException e) {
      LOG.log(System.Logger.Level.DEBUG, "answer to " + origin.target() + ": " + e.getMessage());
      return false;
    }
  }

  /** Sends {@code request} to every target; an empty result once all have answered. */
  private JsonRpcMessage everyTarget(
      JsonRpcMessage.Request request, Duration timeout, Consumer<JsonRpcMessage> related) {
    List<Future<JsonRpcMessage>> calls = new ArrayList<>();
    upstreams.forEach(
        (target, up) ->
            calls.add(
                fanout.submit(
                    () ->
                        up.call(
                            request,
                            timeout,
                            m -> related.accept(ServerMessages.toClient(target, m, prefixed))))));
    for (Future<JsonRpcMessage> call : calls) {
      try {
        call.get();
      } catch (ExecutionException e) {
        LOG.log(System.Logger.Level.DEBUG, request.method() + ": " + e.getCause().getMessage());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    return new JsonRpcMessage.Response(request.id(), ServerMessages.emptyObject());
  }

  private JsonRpcMessage list(
      ListKind kind,
      JsonRpcMessage.Request request,
      McpAccess access,
      Duration timeout,
      Consumer<JsonRpcMessage> related) {
    Map<String, Future<List<JsonNode>>> calls = new LinkedHashMap<>();
    for (String target : order) {
      McpUpstream up = upstreams.get(target);
      if (up != null) {
        calls.put(
            target,
            fanout.submit(
                () ->
                    ListPages.all(
                        up,
                        kind,
                        request,
                        timeout,
                        m -> related.accept(ServerMessages.toClient(target, m, prefixed)))));
      }
    }
    List<JsonNode> merged = new ArrayList<>();
    for (var e : calls.entrySet()) {
      String target = e.getKey();
      List<JsonNode> items;
      try {
        items = e.getValue().get();
      } catch (ExecutionException ex) {
        if (backend.failureMode() == Backend.Mcp.FailureMode.FAIL_OPEN) {
          LOG.log(
              System.Logger.Level.WARNING,
              kind.method + " from " + target + " failed: " + ex.getCause().getMessage());
          continue;
        }
        return JsonRpcMessage.ErrorResponse.of(
            request.id(),
            JsonRpcErrors.INTERNAL_ERROR,
            kind.method + " from " + target + " failed: " + ex.getCause().getMessage());
      } catch (InterruptedException ex) {
        Thread.currentThread().interrupt();
        return JsonRpcMessage.ErrorResponse.of(
            request.id(), JsonRpcErrors.INTERNAL_ERROR, "interrupted");
      }
      for (JsonNode item : items) {
        String key = item.path(kind.key).asText("");
        if (!access.allowed(kind.access, target, key)) {
          continue;
        }
        if (kind == ListKind.TOOLS) {
          toolTargets.put(key, target);
        }
        if (prefixed && item instanceof ObjectNode o) {
          ObjectNode copy = o.deepCopy();
          copy.put(kind.key, kind.uri ? Names.qualifyUri(target, key) : Names.qualify(target, key));
          merged.add(copy);
        } else {
          merged.add(item);
        }
      }
    }
    ObjectNode result = ServerMessages.emptyObject();
    result.putArray(kind.array).addAll(merged);
    return new JsonRpcMessage.Response(request.id(), result);
  }

  boolean prefixed() {
    return prefixed;
  }

  List<String> targets() {
    return Collections.unmodifiableList(order);
  }

  boolean live(String target) {
    return upstreams.containsKey(target);
  }

  /** The target that listed an unprefixed tool, from the last tools/list; null when unknown. */
  String toolTarget(String tool) {
    return toolTargets.get(tool);
  }

  /**
   * Lets go of the server sessions without ending those another replica can resume (streamable
   * HTTP): the gateway is stopping and a client may continue elsewhere.
   */
  public void detach() {
    upstreams.values().forEach(McpUpstream::detach);
    upstreams.clear();
    fanout.shutdownNow();
  }

  /** Closes every server session (DELETE, stopping processes). */
  @Override
  public void close() {
    upstreams.values().forEach(McpUpstream::close);
    upstreams.clear();
    fanout.shutdownNow();
  }
}
