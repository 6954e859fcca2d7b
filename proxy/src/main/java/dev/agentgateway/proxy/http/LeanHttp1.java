package dev.agentgateway.proxy.http;

import dev.agentgateway.proxy.http.upstream.Connection;
import dev.agentgateway.proxy.http.upstream.ConnectionPool;
import dev.agentgateway.proxy.http.upstream.UpstreamReply;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.WritableHeaders;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/** HTTP/1.1 upstream requests over the lean pooled client ({@link ConnectionPool}). */
final class LeanHttp1 implements UpstreamSender {
  private final ConnectionPool pool;

  LeanHttp1(ConnectionPool pool) {
    this.pool = pool;
  }

  @Override
  public UpstreamReply send(
      Method method,
      HttpForwarder.Target to,
      Consumer<WritableHeaders<?>> fill,
      RequestBody body,
      Watchdog watchdog,
      UpstreamTry attempt) {
    Connection conn;
    try {
      conn = pool.acquire(to.key());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!conn.reused()) {
      attempt.connected();
    }
    attempt.sending();
    try {
      WritableHeaders<?> headers = WritableHeaders.create();
      fill.accept(headers);
      boolean chunked = false;
      if (!body.present()) {
        // RFC 9110 §8.6: a length only where the method gives content a meaning.
        if (carriesContent(method)) {
          headers.set(HeaderValues.CONTENT_LENGTH_ZERO);
        }
      } else if (!headers.contains(HeaderNames.CONTENT_LENGTH)) {
        chunked = true;
      }
      OutputStream out = conn.request(method, to.target(), headers, chunked);
      body.writeTo(out, watchdog);
      watchdog.upstream();
      out.close();
      return conn.response(method == Method.HEAD);
    } catch (IOException e) {
      conn.close();
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      conn.close();
      throw e;
    }
  }

  private static boolean carriesContent(Method method) {
    return method == Method.POST || method == Method.PUT || method == Method.PATCH;
  }

  @Override
  public void close() {
    pool.close();
  }
}
