package dev.agentgateway.proxy.http;

import dev.agentgateway.proxy.http.upstream.UpstreamReply;
import io.helidon.http.ClientRequestHeaders;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.WritableHeaders;
import io.helidon.webclient.api.ClientRequest;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http2.Http2Client;
import java.util.function.Consumer;

/** Upstream requests over Helidon's clients (HTTP/1.1 pooled, or HTTP/2 for gRPC). */
final class HelidonHttp1 implements Http1Upstream {
  private final Http1Client client;

  HelidonHttp1(Http1Client client) {
    this.client = client;
  }

  @Override
  public UpstreamReply send(
      Method method,
      HttpForwarder.Target to,
      Consumer<WritableHeaders<?>> headers,
      RequestBody body,
      Watchdog watchdog,
      UpstreamTry attempt) {
    return new HelidonReply(
        send(client.method(method), to, headers, body, watchdog, attempt, true));
  }

  /** Sends over HTTP/2 prior knowledge (gRPC). */
  static UpstreamReply sendHttp2(
      Http2Client client,
      Method method,
      HttpForwarder.Target to,
      Consumer<WritableHeaders<?>> headers,
      RequestBody body,
      Watchdog watchdog,
      UpstreamTry attempt) {
    return new HelidonReply(
        send(
            client.method(method).priorKnowledge(true),
            to,
            headers,
            body,
            watchdog,
            attempt,
            false));
  }

  private static <T extends ClientRequest<T>> HttpClientResponse send(
      T request,
      HttpForwarder.Target to,
      Consumer<WritableHeaders<?>> fill,
      RequestBody body,
      Watchdog watchdog,
      UpstreamTry attempt,
      boolean http1) {
    UpstreamRequests.configure(request, to.uri());
    ClientRequestHeaders headers = request.headers();
    fill.accept(headers);
    if (!body.present() && http1) {
      // Without a length Helidon would frame an empty body as chunked.
      headers.set(HeaderValues.CONTENT_LENGTH_ZERO);
    }
    boolean keepUserAgent = headers.contains(HeaderNames.USER_AGENT);
    return request.outputStream(
        out -> {
          attempt.sending();
          if (!keepUserAgent) {
            // Helidon adds its own User-Agent when none is set; the client sent none.
            request.headers().remove(HeaderNames.USER_AGENT);
          }
          body.writeTo(out, watchdog);
          watchdog.upstream();
          out.close();
        });
  }

  @Override
  public void close() {
    client.closeResource();
  }
}
