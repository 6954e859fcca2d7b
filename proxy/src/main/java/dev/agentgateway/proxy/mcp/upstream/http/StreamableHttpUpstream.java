package dev.agentgateway.proxy.mcp.upstream.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcCodec;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcException;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;
import dev.agentgateway.proxy.mcp.upstream.McpTransportException;
import dev.agentgateway.proxy.mcp.upstream.McpUpstream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * An MCP server over streamable HTTP (protocol 2025-03-26 and 2025-06-18). Each message is a POST;
 * a request is answered with a JSON body or an SSE stream that carries the call's notifications and
 * server requests before its response. The {@code Mcp-Session-Id} of the initialize response, and
 * the negotiated {@code MCP-Protocol-Version}, go on every later request. Once the client sends
 * {@code notifications/initialized} (or at once when resuming a session), a GET stream delivers
 * what the server sends outside any call to the listener. Closing sends DELETE for the session.
 *
 * <p>The handshake itself (initialize, then initialized) is the caller's: this class only watches
 * it, so a resumed upstream carries on without one.
 */
public final class StreamableHttpUpstream implements McpUpstream {
  private static final Logger LOG = Logger.getLogger(StreamableHttpUpstream.class.getName());

  /** Session ids are visible ASCII (the spec); the cap keeps them fit to seal into ours. */
  private static final Pattern SESSION_ID = Pattern.compile("[\\x21-\\x7e]{1,1024}");

  private static final Pattern PROTOCOL_VERSION = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /** A dropped call stream is resumed at most this often (2025-06-18 resumability). */
  private static final int MAX_RESUMES = 3;

  private final HttpTransport transport;
  private final Listener listener;
  private final AtomicBoolean listening = new AtomicBoolean();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final ListenStream listenStream;
  private volatile String sessionId;
  private volatile String protocolVersion;

  StreamableHttpUpstream(
      HttpTransport transport, Listener listener, String sessionId, String protocolVersion) {
    this.transport = transport;
    this.listener = listener;
    if (sessionId != null && !SESSION_ID.matcher(sessionId).matches()) {
      throw new IllegalArgumentException(
          transport.target.describe() + ": a session id is 1 to 1024 visible ASCII characters");
    }
    if (protocolVersion != null && !PROTOCOL_VERSION.matcher(protocolVersion).matches()) {
      throw new IllegalArgumentException(
          transport.target.describe() + ": invalid protocol version " + protocolVersion);
    }
    this.sessionId = sessionId;
    this.protocolVersion = protocolVersion;
    this.listenStream =
        listener == null
            ? null
            : new ListenStream(transport, () -> withSession(transport.request(url())), listener);
    if (sessionId != null) {
      // a resumed session is past its handshake: listen at once
      listen();
    }
  }

  @Override
  public JsonRpcMessage call(
      JsonRpcMessage.Request request, Duration timeout, Consumer<JsonRpcMessage> related)
      throws McpTransportException {
    Objects.requireNonNull(related, "related");
    Deadline deadline = Deadline.after(timeout);
    boolean initialize = request.method().equals("initialize");
    String what = Messages.what(request);
    try (Exchange exchange = transport.open(post(request, initialize), what, deadline)) {
      HttpResponse<InputStream> response = exchange.response();
      int status = response.statusCode();
      if (status / 100 != 2) {
        return transport.statusError(exchange, response, what, request.id(), sessionId != null);
      }
      if (initialize) {
        adoptSession(response, what);
      }
      String type = HttpTransport.mediaType(response);
      JsonRpcMessage reply;
      if (status == 202) {
        throw transport.error(what, "accepted the request without answering it", null);
      } else if (type.equals("application/json")) {
        reply = fromJson(exchange, response, what, request.id(), related);
      } else if (type.equals("text/event-stream")) {
        reply = fromStream(exchange, response, what, request.id(), related, deadline);
      } else {
        throw transport.error(
            what, "answered with content type '" + type + "', not JSON or an event stream", null);
      }
      if (initialize && reply instanceof JsonRpcMessage.Response r) {
        adoptProtocolVersion(r.result());
      }
      return reply;
    }
  }

  @Override
  public void send(JsonRpcMessage message) throws McpTransportException {
    if (message instanceof JsonRpcMessage.Request) {
      throw new IllegalArgumentException("requests go through call(), not send()");
    }
    String what = Messages.what(message);
    Deadline deadline = Deadline.after(transport.settings.sendTimeout());
    try (Exchange exchange = transport.open(post(message, false), what, deadline)) {
      HttpResponse<InputStream> response = exchange.response();
      if (response.statusCode() / 100 != 2) {
        transport.statusError(exchange, response, what, null, sessionId != null);
      }
      // read (bounded) rather than drop the body, so the connection can be reused
      transport.readBody(exchange, response.body());
    }
    if (message instanceof JsonRpcMessage.Notification n
        && n.method().equals("notifications/initialized")) {
      listen();
    }
  }

  @Override
  public String sessionId() {
    return sessionId;
  }

  /** The protocol version the server chose at initialize (or the resumed one); null before. */
  public String protocolVersion() {
    return protocolVersion;
  }

  @Override
  public void close() {
    if (!release()) {
      return;
    }
    String session = sessionId;
    if (session == null) {
      return;
    }
    try {
      int status =
          transport.sendOnce(withSession(transport.request(url())).DELETE().build(), "DELETE");
      // 405: the server does not let clients end sessions; 404: it already forgot this one
      if (status / 100 != 2 && status != 405 && status != 404) {
        LOG.fine(() -> transport.target.describe() + ": DELETE answered HTTP " + status);
      }
    } catch (McpTransportException e) {
      LOG.fine(e::getMessage);
    }
  }

  /** Stops the listen stream and the transport, leaving the server session to its resumer. */
  @Override
  public void detach() {
    release();
  }

  /** True for the first caller, which stops the listen stream and the transport. */
  private boolean release() {
    if (!closed.compareAndSet(false, true)) {
      return false;
    }
    if (listenStream != null) {
      listenStream.stop();
    }
    transport.close();
    return true;
  }

  private void listen() {
    if (listenStream != null && !closed.get() && listening.compareAndSet(false, true)) {
      listenStream.start();
    }
  }

  private java.net.URI url() {
    return transport.target.url();
  }

  private HttpRequest post(JsonRpcMessage message, boolean initialize) {
    HttpRequest.Builder b =
        transport
            .request(url())
            .header("Accept", "application/json, text/event-stream")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(JsonRpcCodec.bytes(message)));
    // an initialize starts a session: it carries neither the old session nor a version
    return (initialize ? b : withSession(b)).build();
  }

  private HttpRequest.Builder withSession(HttpRequest.Builder b) {
    String session = sessionId;
    if (session != null) {
      b.header("Mcp-Session-Id", session);
    }
    String version = protocolVersion;
    if (version != null) {
      b.header("MCP-Protocol-Version", version);
    }
    return b;
  }

  private void adoptSession(HttpResponse<?> response, String what) throws McpTransportException {
    String session = response.headers().firstValue("mcp-session-id").orElse(null);
    if (session != null && !SESSION_ID.matcher(session).matches()) {
      // the value itself stays out of the message: it is a bearer of the session
      throw transport.error(what, "sent an invalid Mcp-Session-Id", null);
    }
    sessionId = session;
  }

  private void adoptProtocolVersion(JsonNode result) {
    String version = result.path("protocolVersion").asText("");
    if (PROTOCOL_VERSION.matcher(version).matches()) {
      protocolVersion = version;
    }
  }

  private JsonRpcMessage fromJson(
      Exchange exchange,
      HttpResponse<InputStream> response,
      String what,
      JsonNode id,
      Consumer<JsonRpcMessage> related)
      throws McpTransportException {
    byte[] body = transport.readBody(exchange, response.body());
    List<JsonRpcMessage> messages;
    try {
      messages = JsonRpcCodec.parse(body);
    } catch (JsonRpcException e) {
      throw transport.error(what, "answered with invalid JSON-RPC: " + e.getMessage(), e);
    }
    JsonRpcMessage reply = deliver(messages, id, related);
    if (reply == null) {
      throw transport.error(what, "answered without a response to request " + id, null);
    }
    return reply;
  }

  /**
   * Reads the call's event stream until its response; if the stream drops first and the server gave
   * event ids, resumes it with a GET carrying {@code Last-Event-ID}.
   */
  private JsonRpcMessage fromStream(
      Exchange first,
      HttpResponse<InputStream> response,
      String what,
      JsonNode id,
      Consumer<JsonRpcMessage> related,
      Deadline deadline)
      throws McpTransportException {
    Exchange exchange = first;
    SseReader reader = new SseReader(response.body(), transport.target.maxMessageBytes());
    String lastEventId = "";
    long retry = 1_000;
    try {
      for (int resumes = 0; ; resumes++) {
        try {
          for (SseEvent event; (event = reader.next()) != null; ) {
            if (!reader.lastEventId().isEmpty()) {
              lastEventId = reader.lastEventId();
            }
            if (event.data().isEmpty() || !event.type().equals("message")) {
              continue;
            }
            JsonRpcMessage reply = deliver(parse(event.data(), what), id, related);
            if (reply != null) {
              return reply;
            }
          }
        } catch (IOException e) {
          throw exchange.failed(e);
        }
        if (reader.retryMillis() >= 0) {
          retry = reader.retryMillis();
        }
        if (lastEventId.isEmpty() || resumes >= MAX_RESUMES) {
          throw transport.error(what, "the event stream ended before the response", null);
        }
        pause(Math.min(retry, Math.max(0, deadline.remainingNanos() / 1_000_000)), what);
        if (exchange != first) {
          exchange.close();
        }
        exchange = resume(lastEventId, what, deadline);
        reader = new SseReader(exchange.response().body(), transport.target.maxMessageBytes());
      }
    } finally {
      if (exchange != first) {
        exchange.close();
      }
    }
  }

  private Exchange resume(String lastEventId, String what, Deadline deadline)
      throws McpTransportException {
    HttpRequest get =
        withSession(transport.request(url()))
            .header("Accept", "text/event-stream")
            .header("Last-Event-ID", lastEventId)
            .GET()
            .build();
    Exchange exchange = transport.open(get, what + " (resumed)", deadline);
    HttpResponse<InputStream> response = exchange.response();
    if (response.statusCode() / 100 != 2
        || !HttpTransport.mediaType(response).equals("text/event-stream")) {
      exchange.close();
      throw transport.error(
          what, "resuming the event stream answered HTTP " + response.statusCode(), null);
    }
    return exchange;
  }

  private void pause(long millis, String what) throws McpTransportException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw transport.error(what, "interrupted", e);
    }
  }

  private List<JsonRpcMessage> parse(String data, String what) throws McpTransportException {
    try {
      return Messages.parse(data);
    } catch (JsonRpcException e) {
      throw transport.error(what, "sent an invalid JSON-RPC event: " + e.getMessage(), e);
    }
  }

  /**
   * Hands what precedes and accompanies the response to {@code related}, in order.
   *
   * @return the response to {@code id}, or null if these messages hold none
   */
  private static JsonRpcMessage deliver(
      List<JsonRpcMessage> messages, JsonNode id, Consumer<JsonRpcMessage> related) {
    JsonRpcMessage reply = null;
    for (JsonRpcMessage m : messages) {
      if (reply == null && Messages.sameId(Messages.responseId(m), id)) {
        reply = m;
      } else {
        related.accept(m);
      }
    }
    return reply;
  }
}
