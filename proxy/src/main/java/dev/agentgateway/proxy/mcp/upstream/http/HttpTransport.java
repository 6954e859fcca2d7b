package dev.agentgateway.proxy.mcp.upstream.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcCodec;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcException;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;
import dev.agentgateway.proxy.mcp.upstream.McpTransportException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What one upstream needs to talk HTTP to its target: the shared client and timer, the target's
 * headers and limits, and the exchanges in flight so that closing the upstream aborts them all.
 */
final class HttpTransport {
  final HttpClient client;
  final HttpTarget target;
  final HttpUpstreamSettings settings;
  private final ScheduledExecutorService timers;
  private final Set<Exchange> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  HttpTransport(
      HttpClient client,
      ScheduledExecutorService timers,
      HttpTarget target,
      HttpUpstreamSettings settings) {
    this.client = client;
    this.timers = timers;
    this.target = target;
    this.settings = settings;
  }

  /** A request to {@code uri} carrying the target's own headers. */
  HttpRequest.Builder request(URI uri) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri);
    target.headers().forEach(b::header);
    return b;
  }

  /**
   * Starts {@code request}; the caller waits with {@link Exchange#response} and must close it.
   *
   * @param deadline aborts the exchange when passed; null for none
   */
  Exchange open(HttpRequest request, String what, Deadline deadline) throws McpTransportException {
    if (closed) {
      throw error(what, "the upstream was closed", null);
    }
    Exchange exchange =
        new Exchange(
            this,
            what,
            deadline,
            client.sendAsync(request, HttpResponse.BodyHandlers.ofInputStream()));
    open.add(exchange);
    if (deadline != null) {
      try {
        exchange.timer(
            timers.schedule(
                () -> exchange.abort(Exchange.Abort.TIMEOUT),
                Math.max(0, deadline.remainingNanos()),
                TimeUnit.NANOSECONDS));
      } catch (RejectedExecutionException e) {
        exchange.close();
        throw error(what, "the upstream factory was closed", e);
      }
    }
    if (closed) {
      // close() ran between the check above and the registration: it did not see this one
      exchange.abort(Exchange.Abort.CLOSED);
    }
    return exchange;
  }

  /** Reads a whole (JSON) body, refusing one over the target's size cap. */
  byte[] readBody(Exchange exchange, InputStream body) throws McpTransportException {
    int max = target.maxMessageBytes();
    try {
      byte[] bytes = body.readNBytes(max == Integer.MAX_VALUE ? max : max + 1);
      if (bytes.length > max) {
        throw exchange.failed(new MessageTooLargeException("a response body", max));
      }
      return bytes;
    } catch (IOException e) {
      throw exchange.failed(e);
    }
  }

  /**
   * Handles an HTTP error status: the server's JSON-RPC error for request {@code id} when the body
   * is one, otherwise an exception with the status and the error's message if the body had one. The
   * body is read only up to 64 KiB.
   *
   * @param hasSession the request carried a session id, so 404 means the session is gone
   */
  JsonRpcMessage.ErrorResponse statusError(
      Exchange exchange,
      HttpResponse<InputStream> response,
      String what,
      JsonNode id,
      boolean hasSession)
      throws McpTransportException {
    int status = response.statusCode();
    String detail = "";
    try {
      byte[] body = response.body().readNBytes(Math.min(64 * 1024, target.maxMessageBytes()));
      List<JsonRpcMessage> parsed = JsonRpcCodec.parse(body);
      if (parsed.size() == 1 && parsed.get(0) instanceof JsonRpcMessage.ErrorResponse e) {
        if (id != null && Messages.sameId(e.id(), id)) {
          return e;
        }
        detail = e.message();
      }
    } catch (IOException e) {
      throw exchange.failed(e);
    } catch (JsonRpcException e) {
      // not JSON-RPC: the status says enough
    }
    String clean = detail.replaceAll("\\p{Cntrl}+", " ").strip();
    String suffix =
        clean.isEmpty()
            ? ""
            : ": " + (clean.length() <= 200 ? clean : clean.substring(0, 200) + "...");
    String prefix = target.describe() + ": " + what + ": ";
    if (status == 404 && hasSession) {
      throw new McpHttpStatusException(404, prefix + "session not found (HTTP 404)" + suffix);
    }
    throw new McpHttpStatusException(status, prefix + "HTTP " + status + suffix);
  }

  /** The media type of a response, lower case, without parameters; "" if none. */
  static String mediaType(HttpResponse<?> response) {
    String value = response.headers().firstValue("content-type").orElse("");
    int semi = value.indexOf(';');
    return (semi < 0 ? value : value.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
  }

  /**
   * Sends a request outside the registry of exchanges, for the DELETE that ends a session after
   * {@link #close} has aborted everything else.
   *
   * @return the status code
   */
  int sendOnce(HttpRequest request, String what) throws McpTransportException {
    var future = client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
    try {
      return future.get(settings.sendTimeout().toNanos(), TimeUnit.NANOSECONDS).statusCode();
    } catch (java.util.concurrent.TimeoutException e) {
      throw error(what, "no answer within " + settings.sendTimeout(), e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw error(what, Exchange.describe(e.getCause()), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw error(what, "interrupted", e);
    } finally {
      future.cancel(true);
    }
  }

  McpTransportException error(String what, String message, Throwable cause) {
    return new McpTransportException(target.describe() + ": " + what + ": " + message, cause);
  }

  boolean closed() {
    return closed;
  }

  void forget(Exchange exchange) {
    open.remove(exchange);
  }

  /** Aborts every exchange in flight and refuses new ones. */
  void close() {
    closed = true;
    for (Exchange e : open) {
      e.abort(Exchange.Abort.CLOSED);
    }
  }
}
