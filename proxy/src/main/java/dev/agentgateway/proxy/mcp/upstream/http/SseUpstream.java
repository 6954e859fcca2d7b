package dev.agentgateway.proxy.mcp.upstream.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcCodec;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcException;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;
import dev.agentgateway.proxy.mcp.upstream.McpTransportException;
import dev.agentgateway.proxy.mcp.upstream.McpUpstream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * An MCP server over the legacy HTTP+SSE transport (protocol 2024-11-05): one GET event stream
 * whose first event names the endpoint that messages are POSTed to; every answer comes back on the
 * stream. A reader thread matches responses to calls by id and routes progress notifications to the
 * call whose {@code _meta.progressToken} they carry (the only link this transport gives);
 * everything else goes to the listener. The session lives and dies with the stream, so there is no
 * session id to resume and no reconnect.
 */
public final class SseUpstream implements McpUpstream {
  private static final Logger LOG = Logger.getLogger(SseUpstream.class.getName());
  private static final String STREAM = "GET stream";

  private final HttpTransport transport;
  private final Listener listener;
  private final Exchange stream;
  private final SseReader reader;
  private final URI endpoint;
  private final Map<String, Call> calls = new ConcurrentHashMap<>();
  private final Map<String, Call> progress = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile McpTransportException ended;

  /** What the reader hands to a waiting call: related messages, then its reply or a failure. */
  private static final class Call {
    final BlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
  }

  private record Reply(JsonRpcMessage message) {}

  private SseUpstream(
      HttpTransport transport, Listener listener, Exchange stream, SseReader reader, URI endpoint) {
    this.transport = transport;
    this.listener = listener;
    this.stream = stream;
    this.reader = reader;
    this.endpoint = endpoint;
  }

  /**
   * Opens the event stream and waits (up to the send timeout) for the endpoint event.
   *
   * @param listener receives what is not part of a call; may be null to drop it
   */
  static SseUpstream connect(HttpTransport transport, Listener listener)
      throws McpTransportException {
    HttpRequest get =
        transport
            .request(transport.target.url())
            .header("Accept", "text/event-stream")
            .GET()
            .build();
    Deadline deadline = Deadline.after(transport.settings.sendTimeout());
    Exchange stream = transport.open(get, STREAM, deadline);
    try {
      HttpResponse<InputStream> response = stream.response();
      if (response.statusCode() / 100 != 2) {
        transport.statusError(stream, response, STREAM, null, false);
      }
      if (!HttpTransport.mediaType(response).equals("text/event-stream")) {
        throw transport.error(STREAM, "did not answer with an event stream", null);
      }
      SseReader reader = new SseReader(response.body(), transport.target.maxMessageBytes());
      URI endpoint = awaitEndpoint(transport, stream, reader);
      if (!stream.cancelDeadline()) {
        throw transport.error(STREAM, "no endpoint event within " + deadline.timeout(), null);
      }
      SseUpstream upstream = new SseUpstream(transport, listener, stream, reader, endpoint);
      Thread.ofVirtual().name("mcp-sse-" + transport.target.name()).start(upstream::read);
      return upstream;
    } catch (McpTransportException | RuntimeException e) {
      stream.close();
      throw e;
    }
  }

  private static URI awaitEndpoint(HttpTransport transport, Exchange stream, SseReader reader)
      throws McpTransportException {
    try {
      for (SseEvent event; (event = reader.next()) != null; ) {
        if (event.type().equals("endpoint")) {
          return endpoint(transport, event.data().strip());
        }
        LOG.fine(() -> transport.target.describe() + ": ignored an event before the endpoint");
      }
    } catch (IOException e) {
      throw stream.failed(e);
    }
    throw transport.error(STREAM, "the stream ended before the endpoint event", null);
  }

  /**
   * Resolves the endpoint against the stream URL; another origin is refused (it would get our
   * headers).
   */
  static URI endpoint(HttpTransport transport, String data) throws McpTransportException {
    URI base = transport.target.url();
    URI resolved;
    try {
      resolved = base.resolve(data);
    } catch (IllegalArgumentException e) {
      throw transport.error(STREAM, "sent an endpoint that is not a URL", null);
    }
    if (resolved.getHost() == null
        || !scheme(resolved).equals(scheme(base))
        || !resolved.getHost().equalsIgnoreCase(base.getHost())
        || port(resolved) != port(base)) {
      throw transport.error(
          STREAM,
          "refused an endpoint on another origin ("
              + resolved.getScheme()
              + "://"
              + resolved.getHost()
              + ":"
              + port(resolved)
              + ")",
          null);
    }
    return resolved;
  }

  private static String scheme(URI uri) {
    return uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return scheme(uri).equals("https") ? 443 : 80;
  }

  @Override
  public JsonRpcMessage call(
      JsonRpcMessage.Request request, Duration timeout, Consumer<JsonRpcMessage> related)
      throws McpTransportException {
    Objects.requireNonNull(related, "related");
    Deadline deadline = Deadline.after(timeout);
    String what = Messages.what(request);
    String key = Messages.key(request.id());
    Call call = new Call();
    if (calls.putIfAbsent(key, call) != null) {
      throw transport.error(what, "request id " + request.id() + " is already in flight", null);
    }
    JsonNode token = Messages.progressToken(request);
    String tokenKey = token == null ? null : Messages.key(token);
    if (tokenKey != null) {
      progress.putIfAbsent(tokenKey, call);
    }
    try {
      failIfEnded();
      post(request, what, deadline);
      while (true) {
        long left = deadline.remainingNanos();
        Object next = left <= 0 ? null : call.inbox.poll(left, TimeUnit.NANOSECONDS);
        switch (next) {
          case null -> throw transport.error(what, "no answer within " + timeout, null);
          case Reply r -> {
            return r.message();
          }
          case McpTransportException e -> throw new McpTransportException(e.getMessage(), e);
          case JsonRpcMessage m -> related.accept(m);
          default -> throw new IllegalStateException("unexpected " + next);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw transport.error(what, "interrupted", e);
    } finally {
      calls.remove(key, call);
      if (tokenKey != null) {
        progress.remove(tokenKey, call);
      }
    }
  }

  @Override
  public void send(JsonRpcMessage message) throws McpTransportException {
    if (message instanceof JsonRpcMessage.Request) {
      throw new IllegalArgumentException("requests go through call(), not send()");
    }
    String what = Messages.what(message);
    failIfEnded();
    post(message, what, Deadline.after(transport.settings.sendTimeout()));
  }

  /** Always null: a legacy SSE session is bound to its stream and cannot be resumed elsewhere. */
  @Override
  public String sessionId() {
    return null;
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    transport.close();
    McpTransportException e = transport.error(STREAM, "the upstream was closed", null);
    calls.values().forEach(c -> c.inbox.add(e));
  }

  private void failIfEnded() throws McpTransportException {
    McpTransportException end = ended;
    if (end != null) {
      throw new McpTransportException(end.getMessage(), end);
    }
  }

  private void post(JsonRpcMessage message, String what, Deadline deadline)
      throws McpTransportException {
    HttpRequest post =
        transport
            .request(endpoint)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(JsonRpcCodec.bytes(message)))
            .build();
    try (Exchange exchange = transport.open(post, what, deadline)) {
      HttpResponse<InputStream> response = exchange.response();
      if (response.statusCode() / 100 != 2) {
        // with no id to match, this always throws
        transport.statusError(exchange, response, what, null, false);
      }
      transport.readBody(exchange, response.body());
    }
  }

  /** The reader thread: dispatches every message until the stream ends. */
  private void read() {
    IOException failure = null;
    try {
      for (SseEvent event; (event = reader.next()) != null; ) {
        if (!event.data().isEmpty() && event.type().equals("message")) {
          dispatch(event.data());
        }
      }
    } catch (IOException e) {
      failure = e;
    }
    McpTransportException end =
        failure == null
            ? transport.error(STREAM, "the server ended the stream", null)
            : stream.failed(failure);
    ended = end;
    stream.close();
    calls.values().forEach(c -> c.inbox.add(end));
    if (!closed.get() && listener != null) {
      listener.onClosed(end);
    }
  }

  private void dispatch(String data) {
    List<JsonRpcMessage> messages;
    try {
      messages = Messages.parse(data);
    } catch (JsonRpcException e) {
      LOG.warning(transport.target.describe() + ": skipped an invalid message: " + e.getMessage());
      return;
    }
    for (JsonRpcMessage m : messages) {
      JsonNode id = Messages.responseId(m);
      if (id != null) {
        Call call = calls.get(Messages.key(id));
        if (call != null) {
          call.inbox.add(new Reply(m));
        } else {
          LOG.fine(() -> transport.target.describe() + ": dropped a response to no call in flight");
        }
        continue;
      }
      JsonNode token = Messages.progressTokenOf(m);
      Call call = token == null ? null : progress.get(Messages.key(token));
      if (call != null) {
        call.inbox.add(m);
      } else if (listener != null) {
        try {
          listener.onMessage(m);
        } catch (RuntimeException e) {
          LOG.log(
              Level.WARNING, "MCP listener failed on a message from " + transport.target.name(), e);
        }
      }
    }
  }
}
