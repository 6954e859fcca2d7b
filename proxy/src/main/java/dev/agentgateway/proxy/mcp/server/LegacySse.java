package dev.agentgateway.proxy.mcp.server;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcCodec;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcErrors;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcException;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;
import dev.agentgateway.proxy.mcp.mux.McpAccess;
import dev.agentgateway.proxy.mcp.mux.MuxSession;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

/**
 * The legacy HTTP+SSE transport (protocol 2024-11-05): GET on {@code .../sse} opens the stream and
 * names, in an {@code endpoint} event, where to POST messages (the same path with a {@code
 * sessionId} query, so the route that matched the stream matches the messages too); every answer
 * goes on the stream. The session lives as long as the stream, on this replica only.
 */
final class LegacySse implements AutoCloseable {
  private final MuxSession.Connector connector;
  private final String version;
  private final Map<String, Channel> channels = new ConcurrentHashMap<>();
  private final BooleanSupplier stopping;

  LegacySse(MuxSession.Connector connector, String version, BooleanSupplier stopping) {
    this.connector = connector;
    this.version = version;
    this.stopping = stopping;
  }

  /** One open stream and, once the client initialized, its session. */
  private static final class Channel {
    final SseWriter writer;
    volatile MuxSession session;
    volatile boolean closed;

    Channel(SseWriter writer) {
      this.writer = writer;
    }
  }

  McpReply serve(
      ServerRequest req,
      ServerResponse res,
      String path,
      Backend.Mcp backend,
      McpAccess access,
      Duration timeout) {
    Method method = req.prologue().method();
    if (method == Method.GET) {
      return open(res, path);
    }
    if (method == Method.POST) {
      return post(req, res, backend, access, timeout);
    }
    res.header(HeaderNames.ALLOW, "GET, POST");
    return HttpAnswers.plain(res, Status.METHOD_NOT_ALLOWED_405, "method not allowed", "");
  }

  private McpReply open(ServerResponse res, String path) {
    String id = UUID.randomUUID().toString();
    res.status(Status.OK_200);
    res.header(HeaderNames.CONTENT_TYPE, "text/event-stream");
    res.header(HeaderNames.CACHE_CONTROL, "no-cache");
    Channel channel = new Channel(new SseWriter(res.outputStream()));
    channels.put(id, channel);
    try {
      if (channel.writer.event("endpoint", path + "?sessionId=" + id)) {
        StreamHold.hold(channel.writer, () -> !channel.closed, stopping);
      }
    } finally {
      channels.remove(id);
      MuxSession session = channel.session;
      if (session != null) {
        session.close();
      }
      channel.writer.close();
    }
    return new McpReply(200, "", "", channel.writer.bytes());
  }

  private McpReply post(
      ServerRequest req,
      ServerResponse res,
      Backend.Mcp backend,
      McpAccess access,
      Duration timeout) {
    String id = req.query().first("sessionId").orElse(null);
    Channel channel = id == null ? null : channels.get(id);
    if (channel == null) {
      return HttpAnswers.plain(res, Status.NOT_FOUND_404, "session not found", "");
    }
    List<JsonRpcMessage> messages;
    try {
      messages = JsonRpcCodec.parse(McpEndpoint.body(req));
    } catch (McpEndpoint.TooLarge e) {
      return HttpAnswers.plain(
          res,
          Status.REQUEST_ENTITY_TOO_LARGE_413,
          "message larger than " + McpEndpoint.MAX_BODY + " bytes",
          "");
    } catch (JsonRpcException e) {
      return HttpAnswers.refuse(res, Status.BAD_REQUEST_400, e.code(), e.getMessage(), "");
    }
    String first = McpEndpoint.methodOf(messages.get(0));
    // Answers go on the stream: accept now, and work on a thread of its own so a long call
    // neither holds this connection nor blocks the client's next message.
    Thread.ofVirtual()
        .name("mcp-sse-" + id)
        .start(() -> messages.forEach(m -> handle(channel, backend, m, access, timeout)));
    McpReply accepted = HttpAnswers.accepted(res, first);
    MuxSession session = channel.session;
    return session != null && messages.get(0) instanceof JsonRpcMessage.Request r
        ? new McpReply(202, "", first, 0, session.describe(r))
        : accepted;
  }

  private void handle(
      Channel channel,
      Backend.Mcp backend,
      JsonRpcMessage message,
      McpAccess access,
      Duration timeout) {
    MuxSession session = channel.session;
    if (message instanceof JsonRpcMessage.Request r && r.method().equals("initialize")) {
      MuxSession.Opened opened = MuxSession.open(backend, connector, r, timeout, version);
      if (opened.session() != null) {
        MuxSession previous = channel.session;
        channel.session = opened.session();
        opened.session().unsolicited(channel.writer::message);
        if (previous != null) {
          previous.close();
        }
      }
      channel.writer.message(opened.response());
      return;
    }
    if (session == null) {
      if (message instanceof JsonRpcMessage.Request r) {
        channel.writer.message(
            JsonRpcMessage.ErrorResponse.of(
                r.id(), JsonRpcErrors.INVALID_REQUEST, "initialize first"));
      }
      return;
    }
    switch (message) {
      case JsonRpcMessage.Request r ->
          channel.writer.message(session.request(r, access, timeout, channel.writer::message));
      case JsonRpcMessage.Notification n -> session.notification(n);
      case JsonRpcMessage.Response r -> session.clientResponse(r);
      case JsonRpcMessage.ErrorResponse r -> session.clientResponse(r);
    }
  }

  @Override
  public void close() {
    channels.values().forEach(c -> c.closed = true);
  }
}
