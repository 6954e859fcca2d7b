package dev.agentgateway.proxy.mcp.upstream.http;

import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcException;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;
import dev.agentgateway.proxy.mcp.upstream.McpTransportException;
import dev.agentgateway.proxy.mcp.upstream.McpUpstream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The streamable HTTP GET stream: what the server sends outside any request, delivered to the
 * listener. It reconnects when the stream drops, sending {@code Last-Event-ID} so a server with an
 * event store replays what was missed, and backs off while the server refuses (e.g. 409 while
 * another replica still holds the session's stream). 405 means the server offers no such stream;
 * 404 means the session is gone, which ends the upstream.
 */
final class ListenStream {
  private static final Logger LOG = Logger.getLogger(ListenStream.class.getName());
  private static final long DEFAULT_RETRY_MILLIS = 1_000;
  private static final long MAX_BACKOFF_MILLIS = 30_000;

  private final HttpTransport transport;
  private final Supplier<HttpRequest.Builder> requests;
  private final McpUpstream.Listener listener;
  private volatile boolean stopped;
  private volatile Thread thread;

  /**
   * @param requests a GET to the endpoint with the session's headers
   */
  ListenStream(
      HttpTransport transport,
      Supplier<HttpRequest.Builder> requests,
      McpUpstream.Listener listener) {
    this.transport = transport;
    this.requests = requests;
    this.listener = listener;
  }

  void start() {
    thread = Thread.ofVirtual().name("mcp-listen-" + transport.target.name()).start(this::run);
  }

  /** Ends the stream; the transport's close aborts the exchange, this wakes a pause. */
  void stop() {
    stopped = true;
    Thread t = thread;
    if (t != null) {
      t.interrupt();
    }
  }

  private void run() {
    String lastEventId = "";
    long retry = DEFAULT_RETRY_MILLIS;
    int failures = 0;
    while (!stopped) {
      HttpRequest.Builder b = requests.get().header("Accept", "text/event-stream").GET();
      if (!lastEventId.isEmpty()) {
        b.header("Last-Event-ID", lastEventId);
      }
      try (Exchange exchange = transport.open(b.build(), "GET stream", null)) {
        HttpResponse<InputStream> response = exchange.response();
        int status = response.statusCode();
        if (status == 405) {
          LOG.fine(() -> transport.target.describe() + " offers no GET stream");
          return;
        }
        if (status == 404) {
          listener.onClosed(
              new McpHttpStatusException(
                  404, transport.target.describe() + ": GET stream: session not found (HTTP 404)"));
          return;
        }
        if (status / 100 != 2 || !HttpTransport.mediaType(response).equals("text/event-stream")) {
          failures++;
          log(failures, transport.target.describe() + ": GET stream: answered HTTP " + status);
        } else {
          SseReader reader = new SseReader(response.body(), transport.target.maxMessageBytes());
          try {
            for (SseEvent event; (event = reader.next()) != null; ) {
              failures = 0;
              if (!reader.lastEventId().isEmpty()) {
                lastEventId = reader.lastEventId();
              }
              deliver(event);
            }
          } catch (IOException e) {
            if (stopped) {
              return;
            }
            failures++;
            log(failures, exchange.failed(e).getMessage());
          }
          if (reader.retryMillis() >= 0) {
            retry = reader.retryMillis();
          }
        }
      } catch (McpTransportException e) {
        if (stopped) {
          return;
        }
        failures++;
        log(failures, e.getMessage());
      }
      long delay = Math.min(MAX_BACKOFF_MILLIS, retry << Math.min(failures, 5));
      if (!pause(delay)) {
        return;
      }
    }
  }

  private void deliver(SseEvent event) {
    if (event.data().isEmpty() || !event.type().equals("message")) {
      // a priming event (an id and no message) or an event type MCP does not use
      return;
    }
    try {
      for (JsonRpcMessage message : Messages.parse(event.data())) {
        try {
          listener.onMessage(message);
        } catch (RuntimeException e) {
          LOG.log(
              Level.WARNING, "MCP listener failed on a message from " + transport.target.name(), e);
        }
      }
    } catch (JsonRpcException e) {
      LOG.warning(
          transport.target.describe()
              + ": GET stream: skipped an invalid message: "
              + e.getMessage());
    }
  }

  private void log(int failures, String message) {
    // the first failure in a row is news; the retries after it are not
    LOG.log(failures == 1 ? Level.WARNING : Level.FINE, () -> message + "; reconnecting");
  }

  private boolean pause(long millis) {
    try {
      Thread.sleep(millis);
      return !stopped;
    } catch (InterruptedException e) {
      return false;
    }
  }
}
