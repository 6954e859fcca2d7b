package dev.agentgateway.proxy.http;

import dev.agentgateway.proxy.http.spi.ExchangeTap;
import dev.agentgateway.proxy.http.upstream.UpstreamReply;
import dev.agentgateway.proxy.policy.HeaderMutation;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Headers;
import io.helidon.http.Method;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Streams an upstream response to the client: status and end-to-end headers first, then the body
 * through one bounded buffer, flushed after every read so server-sent events pass one by one, then
 * gRPC trailers. A failure after the response started aborts the client's response.
 */
final class ResponseRelay {
  private static final System.Logger LOGGER = System.getLogger(ResponseRelay.class.getName());
  private static final int MAX_CHUNK = 32 * 1024;
  private static final int UNKNOWN_LENGTH_CHUNK = 16 * 1024;
  private static final Header GRPC_TRAILERS =
      HeaderValues.create(HeaderNames.TRAILER, "grpc-status, grpc-message");
  private static final io.helidon.http.HeaderName GRPC_STATUS = HeaderNames.create("grpc-status");

  private ResponseRelay() {}

  /**
   * Sends {@code upstream} to {@code res} and closes it.
   *
   * @param method the request method (a HEAD response has no body)
   * @param responseHeaders the route's response header changes, or {@code null}
   * @param grpc whether to pass HTTP/2 trailers on
   */
  static void relay(
      UpstreamReply upstream,
      ServerResponse res,
      Method method,
      HeaderMutation responseHeaders,
      boolean grpc,
      Watchdog watchdog,
      Exchange exchange) {
    int code = upstream.status().code();
    exchange.status(code);
    res.status(upstream.status());
    ServerResponseHeaders headers = res.headers();
    HopByHop.copy(upstream.headers(), headers, false, false);
    if (responseHeaders != null) {
      responseHeaders.apply(headers);
    }
    if (grpc && headers.contains(GRPC_STATUS)) {
      trailersOnly(upstream, res, exchange);
      return;
    }
    boolean noBodyStatus = code < 200 || code == 204 || code == 304;
    if (noBodyStatus || method == Method.HEAD) {
      if (noBodyStatus) {
        headers.remove(HeaderNames.CONTENT_LENGTH);
      }
      upstream.close();
      res.send();
      return;
    }
    long length = upstream.headers().contentLength().orElse(-1);
    int hold = grpc ? 0 : exchange.tap().responseStarted(code, upstream.headers());
    if (hold > 0) {
      rewriteOrStream(upstream, res, hold, length, watchdog, exchange);
      return;
    }
    OutputStream out = res.outputStream();
    if (grpc) {
      // Set after outputStream(): Helidon adds its own trailer name there otherwise.
      headers.set(GRPC_TRAILERS);
    }
    stream(upstream, out, length, watchdog, exchange);
    if (grpc) {
      copyTrailers(upstream, res);
    }
    try {
      out.close();
    } catch (IOException | RuntimeException e) {
      throw abort(upstream, exchange, "downstream closed", e);
    }
    upstream.close();
  }

  /**
   * A gRPC answer without a body: its status is in the headers, which must end the stream (HEADERS
   * with END_STREAM). An empty streamed response does exactly that, unlike {@code send()} (which
   * adds an empty DATA frame); Helidon's own trailer announcement is dropped first.
   */
  private static void trailersOnly(UpstreamReply upstream, ServerResponse res, Exchange ex) {
    upstream.close();
    OutputStream out = res.outputStream();
    res.headers().remove(HeaderNames.TRAILER);
    try {
      out.close();
    } catch (IOException | RuntimeException e) {
      throw abort(upstream, ex, "downstream closed", e);
    }
  }

  /**
   * Holds a body of up to {@code limit} bytes and sends the tap's rewrite of it (with its own
   * Content-Length); a larger body is sent unchanged, the held part first, the rest streamed.
   */
  private static void rewriteOrStream(
      UpstreamReply upstream,
      ServerResponse res,
      int limit,
      long length,
      Watchdog watchdog,
      Exchange exchange) {
    byte[] held;
    try {
      watchdog.upstream();
      held = upstream.inputStream().readNBytes(limit + 1);
      watchdog.downstream();
    } catch (IOException | RuntimeException e) {
      throw readFailed(upstream, watchdog, exchange, e);
    }
    if (held.length <= limit) {
      upstream.close();
      byte[] rewritten = exchange.tap().rewriteResponse(held);
      if (rewritten != null) {
        held = rewritten;
        // The validator named the upstream's bytes, not these.
        res.headers().remove(HeaderNames.ETAG);
        res.headers().set(HeaderValues.create(HeaderNames.CONTENT_LENGTH, held.length));
      }
      exchange.addBytesOut(held.length);
      res.send(held);
      return;
    }
    OutputStream out = res.outputStream();
    try {
      out.write(held);
    } catch (IOException | RuntimeException e) {
      throw abort(upstream, exchange, "downstream closed", e);
    }
    exchange.addBytesOut(held.length);
    stream(upstream, out, length, watchdog, exchange);
    try {
      out.close();
    } catch (IOException | RuntimeException e) {
      throw abort(upstream, exchange, "downstream closed", e);
    }
    upstream.close();
  }

  static void stream(
      UpstreamReply upstream, OutputStream out, long length, Watchdog watchdog, Exchange exchange) {
    byte[] buffer = new byte[length > 0 ? (int) Math.min(length, MAX_CHUNK) : UNKNOWN_LENGTH_CHUNK];
    InputStream in = upstream.inputStream();
    ExchangeTap tap = exchange.tap();
    while (true) {
      int n;
      try {
        watchdog.upstream();
        n = in.read(buffer);
        watchdog.downstream();
      } catch (IOException | RuntimeException e) {
        throw readFailed(upstream, watchdog, exchange, e);
      }
      if (n < 0) {
        return;
      }
      try {
        out.write(buffer, 0, n);
        out.flush();
      } catch (IOException | RuntimeException e) {
        throw abort(upstream, exchange, "downstream closed", e);
      }
      exchange.addBytesOut(n);
      tap.responseBytes(buffer, 0, n);
    }
  }

  static CloseConnectionException readFailed(
      UpstreamReply upstream, Watchdog watchdog, Exchange exchange, Throwable cause) {
    watchdog.stop();
    String reason =
        watchdog.fired() ? UpstreamFailure.timeout().reason() : "upstream reset mid-body";
    return abort(upstream, exchange, reason, cause);
  }

  private static void copyTrailers(UpstreamReply upstream, ServerResponse res) {
    Headers trailers = upstream.trailers();
    for (Header trailer : trailers) {
      res.trailers().set(trailer);
    }
  }

  static CloseConnectionException abort(
      UpstreamReply upstream, Exchange exchange, String reason, Throwable cause) {
    exchange.reason(reason);
    if (LOGGER.isLoggable(System.Logger.Level.DEBUG)) {
      LOGGER.log(System.Logger.Level.DEBUG, "aborting response: " + reason + ": " + cause);
    }
    try {
      upstream.close();
    } catch (RuntimeException ignored) {
      // The upstream connection is already broken; closing it is best effort.
    }
    return new CloseConnectionException(reason);
  }

  /** Reads and drops a response that will be retried, so its connection can be reused. */
  static void discard(UpstreamReply upstream) {
    try (upstream;
        InputStream in = upstream.inputStream()) {
      byte[] buffer = new byte[4096];
      long budget = 64 * 1024;
      while (budget > 0) {
        int n = in.read(buffer);
        if (n < 0) {
          return;
        }
        budget -= n;
      }
      // Too much to drain: closing without reading it all closes the connection instead.
    } catch (IOException | RuntimeException e) {
      LOGGER.log(System.Logger.Level.DEBUG, "discarding a retried response failed: " + e);
    }
  }
}
