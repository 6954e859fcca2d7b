package dev.agentgateway.proxy.mcp.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcCodec;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcErrors;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcException;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;
import dev.agentgateway.proxy.mcp.mux.McpAccess;
import dev.agentgateway.proxy.mcp.mux.MuxSession;
import dev.agentgateway.proxy.mcp.mux.ServerSession;
import dev.agentgateway.proxy.mcp.upstream.McpTransportException;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * The MCP streamable HTTP transport in front of an MCP backend: POST carries JSON-RPC messages
 * (answered with JSON, or with an SSE stream when servers talk back during a call), GET opens the
 * session's stream for what servers send on their own, DELETE ends the session. Requests to a path
 * ending in {@code /sse} speak the legacy HTTP+SSE transport instead ({@link LegacySse}).
 */
public final class McpEndpoint implements AutoCloseable {
  static final HeaderName SESSION = HeaderNames.create("Mcp-Session-Id");
  static final HeaderName PROTOCOL = HeaderNames.create("MCP-Protocol-Version");
  static final Set<String> VERSIONS =
      Set.of("2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25");
  static final String DEFAULT_VERSION = "2025-03-26";

  /** Bigger than any real JSON-RPC message; bounds what one request can make the gateway hold. */
  static final int MAX_BODY = 4 * 1024 * 1024;

  private final MuxSession.Connector connector;
  private final SessionIds ids;
  private final String version;
  private final LiveSessions sessions;
  private final LegacySse legacy;
  private final BooleanSupplier stopping;

  /**
   * @param stopping true once the proxy shuts down: open streams end then
   */
  public McpEndpoint(
      MuxSession.Connector connector,
      SessionIds ids,
      Duration idle,
      String version,
      BooleanSupplier stopping) {
    this.connector = connector;
    this.ids = ids;
    this.version = version;
    this.sessions = new LiveSessions(idle, ids.resumableElsewhere());
    this.legacy = new LegacySse(connector, version, stopping);
    this.stopping = stopping;
  }

  /**
   * Serves one request to {@code backend}.
   *
   * @param access what the caller may see and use
   * @param timeout how long one call to a server may take
   */
  public McpReply serve(
      ServerRequest req,
      ServerResponse res,
      String path,
      Backend.Mcp backend,
      McpAccess access,
      Duration timeout) {
    Method method = req.prologue().method();
    if (path.endsWith("/sse")) {
      return legacy.serve(req, res, path, backend, access, timeout);
    }
    if (method == Method.POST) {
      return post(req, res, backend, access, timeout);
    }
    if (method == Method.GET) {
      return stream(req, res, backend);
    }
    if (method == Method.DELETE) {
      return delete(req, res, backend);
    }
    res.header(HeaderNames.ALLOW, "GET, POST, DELETE");
    return HttpAnswers.plain(res, Status.METHOD_NOT_ALLOWED_405, "method not allowed", "");
  }

  private McpReply post(
      ServerRequest req,
      ServerResponse res,
      Backend.Mcp backend,
      McpAccess access,
      Duration timeout) {
    String contentType = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
    if (!contentType.toLowerCase(java.util.Locale.ROOT).startsWith("application/json")) {
      return HttpAnswers.refuse(
          res,
          Status.UNSUPPORTED_MEDIA_TYPE_415,
          JsonRpcErrors.INVALID_REQUEST,
          "Content-Type must be application/json",
          "");
    }
    String accept = String.join(",", req.headers().all(HeaderNames.ACCEPT, List::of));
    if (!accept.contains("application/json") || !accept.contains("text/event-stream")) {
      return HttpAnswers.refuse(
          res,
          Status.NOT_ACCEPTABLE_406,
          JsonRpcErrors.INVALID_REQUEST,
          "Accept must include both application/json and text/event-stream",
          "");
    }
    String protocol = req.headers().first(PROTOCOL).orElse(null);
    if (protocol != null && !VERSIONS.contains(protocol)) {
      return HttpAnswers.refuse(
          res,
          Status.BAD_REQUEST_400,
          JsonRpcErrors.INVALID_REQUEST,
          "unsupported MCP-Protocol-Version: " + protocol,
          "");
    }
    List<JsonRpcMessage> messages;
    try {
      messages = JsonRpcCodec.parse(body(req));
    } catch (TooLarge e) {
      return HttpAnswers.refuse(
          res,
          Status.REQUEST_ENTITY_TOO_LARGE_413,
          JsonRpcErrors.INVALID_REQUEST,
          "message larger than " + MAX_BODY + " bytes",
          "");
    } catch (JsonRpcException e) {
      return HttpAnswers.refuse(res, Status.BAD_REQUEST_400, e.code(), e.getMessage(), "");
    }
    String first = methodOf(messages.get(0));
    if (messages.get(0) instanceof JsonRpcMessage.Request r && r.method().equals("initialize")) {
      if (messages.size() > 1) {
        return HttpAnswers.refuse(
            res,
            Status.BAD_REQUEST_400,
            JsonRpcErrors.INVALID_REQUEST,
            "initialize must not be part of a batch",
            first);
      }
      return initialize(res, backend, r, timeout);
    }
    MuxSession session;
    boolean temporary = !backend.stateful();
    if (temporary) {
      MuxSession.Opened opened =
          MuxSession.open(backend, connector, syntheticInitialize(protocol), timeout, version);
      if (opened.session() == null) {
        JsonRpcMessage.ErrorResponse err = (JsonRpcMessage.ErrorResponse) opened.response();
        return HttpAnswers.refuse(
            res, Status.SERVICE_UNAVAILABLE_503, err.code(), err.message(), first);
      }
      session = opened.session();
      session.notification(new JsonRpcMessage.Notification("notifications/initialized", null));
    } else {
      String id = req.headers().first(SESSION).orElse(null);
      if (id == null) {
        return HttpAnswers.refuse(
            res,
            Status.BAD_REQUEST_400,
            JsonRpcErrors.INVALID_REQUEST,
            "session header is required for non-initialize requests",
            first);
      }
      LiveSessions.Live live = live(backend, id);
      if (live == null) {
        return HttpAnswers.refuse(
            res, Status.NOT_FOUND_404, JsonRpcErrors.INVALID_REQUEST, "session not found", first);
      }
      session = live.mux;
      res.header(SESSION, id);
    }
    try {
      return messages(res, session, messages, access, timeout, first);
    } finally {
      if (temporary) {
        session.close();
      }
    }
  }

  private McpReply messages(
      ServerResponse res,
      MuxSession session,
      List<JsonRpcMessage> messages,
      McpAccess access,
      Duration timeout,
      String first) {
    List<JsonRpcMessage.Request> requests = new ArrayList<>();
    for (JsonRpcMessage m : messages) {
      switch (m) {
        case JsonRpcMessage.Request r -> requests.add(r);
        case JsonRpcMessage.Notification n -> session.notification(n);
        case JsonRpcMessage.Response r -> session.clientResponse(r);
        case JsonRpcMessage.ErrorResponse r -> session.clientResponse(r);
      }
    }
    if (requests.isEmpty()) {
      return HttpAnswers.accepted(res, first);
    }
    if (messages.size() > 1) {
      // A batch answers as a JSON array; what servers send meanwhile has no stream to go to.
      List<JsonRpcMessage> answers = new ArrayList<>();
      for (JsonRpcMessage.Request r : requests) {
        answers.add(session.request(r, access, timeout, m -> {}));
      }
      return HttpAnswers.json(res, answers, first);
    }
    JsonRpcMessage.Request request = requests.get(0);
    // Calls may stream progress and server requests back: the answer becomes an event stream when
    // the first of those arrives, and stays plain JSON (one write, no stream) when none does.
    LazyEventStream events = new LazyEventStream(res);
    JsonRpcMessage answer = session.request(request, access, timeout, events::message);
    String reason =
        answer instanceof JsonRpcMessage.ErrorResponse e
            ? "json-rpc error " + e.code() + ": " + e.message()
            : "";
    if (!events.opened()) {
      McpReply json = HttpAnswers.json(res, Status.OK_200, answer, reason, first);
      return new McpReply(200, reason, first, json.bytesOut(), session.describe(request));
    }
    long bytes = events.finish(answer);
    return new McpReply(200, reason, first, bytes, session.describe(request));
  }

  private McpReply initialize(
      ServerResponse res, Backend.Mcp backend, JsonRpcMessage.Request request, Duration timeout) {
    MuxSession.Opened opened = MuxSession.open(backend, connector, request, timeout, version);
    if (opened.session() == null) {
      JsonRpcMessage.ErrorResponse err = (JsonRpcMessage.ErrorResponse) opened.response();
      return HttpAnswers.json(
          res,
          Status.OK_200,
          opened.response(),
          "initialize failed: " + err.message(),
          "initialize");
    }
    if (backend.stateful()) {
      String id = ids.seal(backend.name(), opened.session().serverSessions());
      sessions.put(id, opened.session());
      res.header(SESSION, id);
    } else {
      opened.session().close();
    }
    return HttpAnswers.json(res, Status.OK_200, opened.response(), "", "initialize");
  }

  /** The open session {@code id}, resumed from its sealed state when another replica opened it. */
  private LiveSessions.Live live(Backend.Mcp backend, String id) {
    LiveSessions.Live live = sessions.get(id);
    if (live != null) {
      return live;
    }
    Map<String, ServerSession> serverSessions = ids.unseal(backend.name(), id);
    if (serverSessions == null) {
      return null;
    }
    try {
      return sessions.put(id, MuxSession.resume(backend, serverSessions, connector));
    } catch (McpTransportException e) {
      return null;
    }
  }

  private McpReply stream(ServerRequest req, ServerResponse res, Backend.Mcp backend) {
    String accept = String.join(",", req.headers().all(HeaderNames.ACCEPT, List::of));
    if (!accept.contains("text/event-stream")) {
      return HttpAnswers.plain(
          res, Status.NOT_ACCEPTABLE_406, "Accept must include text/event-stream", "");
    }
    if (!backend.stateful()) {
      res.header(HeaderNames.ALLOW, "POST");
      return HttpAnswers.plain(
          res, Status.METHOD_NOT_ALLOWED_405, "stateless MCP has no session stream", "");
    }
    String id = req.headers().first(SESSION).orElse(null);
    LiveSessions.Live live = id == null ? null : live(backend, id);
    if (live == null) {
      return HttpAnswers.plain(
          res,
          id == null ? Status.BAD_REQUEST_400 : Status.NOT_FOUND_404,
          id == null ? "session header is required" : "session not found",
          "");
    }
    if (!live.streaming.compareAndSet(false, true)) {
      return HttpAnswers.plain(res, Status.CONFLICT_409, "the session already has a stream", "");
    }
    // Held while streaming: a session with a listening client is never idle.
    try (var lease = sessions.hold(id).orElse(null)) {
      res.status(Status.OK_200);
      res.header(HeaderNames.CONTENT_TYPE, "text/event-stream");
      res.header(HeaderNames.CACHE_CONTROL, "no-cache");
      res.header(SESSION, id);
      SseWriter writer = new SseWriter(res.outputStream());
      live.mux.unsolicited(writer::message);
      if (lease != null) {
        StreamHold.hold(writer, () -> sessions.get(id) == live, stopping);
      }
      live.mux.unsolicited(null);
      writer.close();
      return new McpReply(200, "", "", writer.bytes());
    } finally {
      live.streaming.set(false);
    }
  }

  private McpReply delete(ServerRequest req, ServerResponse res, Backend.Mcp backend) {
    if (!backend.stateful()) {
      res.header(HeaderNames.ALLOW, "POST");
      return HttpAnswers.plain(
          res, Status.METHOD_NOT_ALLOWED_405, "stateless MCP has no session to delete", "");
    }
    String id = req.headers().first(SESSION).orElse(null);
    if (id == null) {
      return HttpAnswers.plain(res, Status.BAD_REQUEST_400, "session header is required", "");
    }
    if (!sessions.close(id)) {
      // Opened elsewhere: resume it only to end its server sessions.
      LiveSessions.Live resumed = live(backend, id);
      if (resumed == null) {
        return HttpAnswers.plain(res, Status.NOT_FOUND_404, "session not found", "");
      }
      sessions.close(id);
    }
    res.status(Status.OK_200);
    res.send();
    return new McpReply(200, "", "", 0);
  }

  /** The initialize a stateless request implies, as the client's protocol version asks. */
  private JsonRpcMessage.Request syntheticInitialize(String protocol) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode params = nodes.objectNode();
    params.put("protocolVersion", protocol == null ? DEFAULT_VERSION : protocol);
    params.putObject("capabilities");
    ObjectNode info = params.putObject("clientInfo");
    info.put("name", "agentgateway");
    info.put("version", version);
    return new JsonRpcMessage.Request(nodes.textNode("agw-init"), "initialize", params);
  }

  static String methodOf(JsonRpcMessage m) {
    return switch (m) {
      case JsonRpcMessage.Request r -> r.method();
      case JsonRpcMessage.Notification n -> n.method();
      default -> "";
    };
  }

  /** Reads the body up to {@link #MAX_BODY}. */
  static byte[] body(ServerRequest req) throws TooLarge {
    if (!req.content().hasEntity()) {
      return new byte[0];
    }
    try (InputStream in = req.content().inputStream()) {
      byte[] bytes = in.readNBytes(MAX_BODY + 1);
      if (bytes.length > MAX_BODY) {
        throw new TooLarge();
      }
      return bytes;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** A body over {@link #MAX_BODY}. */
  static final class TooLarge extends Exception {
    TooLarge() {
      super(null, null, false, false);
    }
  }

  @Override
  public void close() {
    sessions.close();
    legacy.close();
  }

  /** Sessions held open on this replica, for metrics and tests. */
  public int openSessions() {
    return sessions.size();
  }
}
