package dev.agentgateway.proxy.http;

import dev.agentgateway.proxy.http.upstream.UpstreamReply;
import dev.agentgateway.proxy.policy.HeaderMutation;
import dev.agentgateway.proxy.policy.cel.CelActivation;
import dev.agentgateway.proxy.policy.transform.CelContexts;
import dev.agentgateway.proxy.policy.transform.CompiledTransform;
import dev.agentgateway.proxy.policy.transform.TransformPolicies;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Relays an upstream response through the route's response transformation and buffer: the body is
 * held first when an expression reads it or a buffer asks for it, then the CEL header changes and
 * the header modifier apply, then the held, replaced or streamed body goes out. Only routes with
 * such a policy come here; the others stream through {@link ResponseRelay} untouched.
 */
final class TransformedResponse {
  private TransformedResponse() {}

  /**
   * Sends {@code upstream} to {@code res}, transformed, and closes it.
   *
   * @param requestBody the held request body, or null
   */
  static void relay(
      UpstreamReply upstream,
      ServerResponse res,
      Method method,
      HeaderMutation responseHeaders,
      TransformPolicies transforms,
      ServerRequest req,
      byte[] requestBody,
      Watchdog watchdog,
      Exchange exchange) {
    int code = upstream.status().code();
    boolean noBodyStatus = code < 200 || code == 204 || code == 304;
    boolean noBody = noBodyStatus || method == Method.HEAD;
    TransformPolicies.Hold hold = transforms.responseHold();
    byte[] held = null;
    byte[] prefix = null;
    if (hold.holds() && !noBody) {
      byte[] read =
          read(
              upstream,
              (int) Math.min(hold.limit() + 1, Integer.MAX_VALUE - 8),
              watchdog,
              exchange);
      if (read.length <= hold.limit()) {
        held = read;
        upstream.close();
      } else if (hold.required()) {
        upstream.close();
        exchange.reply(res, Status.BAD_GATEWAY_502, "response body too large");
        return;
      } else {
        prefix = read;
      }
    }
    CompiledTransform transform = transforms.response();
    CelActivation activation =
        transform == null
            ? null
            : CelContexts.response(
                req, requestBody, code, upstream.headers(), transform.readsBody() ? held : null);
    exchange.status(code);
    res.status(upstream.status());
    ServerResponseHeaders headers = res.headers();
    HopByHop.copy(upstream.headers(), headers, false, false);
    if (transform != null) {
      transform.headers(activation).apply(headers);
    }
    if (responseHeaders != null) {
      responseHeaders.apply(headers);
    }
    if (noBody) {
      if (noBodyStatus) {
        headers.remove(HeaderNames.CONTENT_LENGTH);
      }
      upstream.close();
      res.send();
      return;
    }
    byte[] replaced = transform == null ? null : transform.body(activation);
    if (replaced != null) {
      if (held == null && prefix == null) {
        ResponseRelay.discard(upstream);
      } else {
        upstream.close();
      }
      // The validator named the upstream's bytes, not these.
      headers.remove(HeaderNames.ETAG);
      sendWhole(res, replaced, exchange);
      return;
    }
    if (held != null) {
      sendWhole(res, held, exchange);
      return;
    }
    OutputStream out = res.outputStream();
    if (prefix != null) {
      try {
        out.write(prefix);
      } catch (IOException | RuntimeException e) {
        throw ResponseRelay.abort(upstream, exchange, "downstream closed", e);
      }
      exchange.addBytesOut(prefix.length);
    }
    long length = upstream.headers().contentLength().orElse(-1);
    ResponseRelay.stream(upstream, out, length, watchdog, exchange);
    try {
      out.close();
    } catch (IOException | RuntimeException e) {
      throw ResponseRelay.abort(upstream, exchange, "downstream closed", e);
    }
    upstream.close();
  }

  private static byte[] read(
      UpstreamReply upstream, int limit, Watchdog watchdog, Exchange exchange) {
    try {
      watchdog.upstream();
      byte[] read = upstream.inputStream().readNBytes(limit);
      watchdog.downstream();
      return read;
    } catch (IOException | RuntimeException e) {
      throw ResponseRelay.readFailed(upstream, watchdog, exchange, e);
    }
  }

  private static void sendWhole(ServerResponse res, byte[] body, Exchange exchange) {
    res.headers().remove(HeaderNames.TRANSFER_ENCODING);
    res.headers().set(HeaderValues.create(HeaderNames.CONTENT_LENGTH, body.length));
    exchange.addBytesOut(body.length);
    res.send(body);
  }
}
