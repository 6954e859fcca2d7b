package dev.agentgateway.proxy.http;

import dev.agentgateway.proxy.http.upstream.UpstreamReply;
import io.helidon.http.ClientRequestHeaders;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.WritableHeaders;
import io.helidon.webclient.api.ClientRequest;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http2.Http2Client;
import io.helidon.webclient.http2.Http2ClientRequest;
import java.util.function.Consumer;
import java.util.function.Function;

/** Upstream requests over one of Helidon's clients (HTTP/1.1 pooled, or HTTP/2 for gRPC). */
final class HelidonSender<T extends ClientRequest<T>> implements UpstreamSender {
  private final Function<Method, T> requests;
  private final boolean http1;
  private final Runnable close;

  private HelidonSender(Function<Method, T> requests, boolean http1, Runnable close) {
    this.requests = requests;
    this.http1 = http1;
    this.close = close;
  }

  /** Plain HTTP/1.1 over Helidon's pooled client. */
  static HelidonSender<Http1ClientRequest> http1(Http1Client client) {
    return new HelidonSender<>(client::method, true, client::closeResource);
  }

  /** HTTP/2 with prior knowledge (gRPC). */
  static HelidonSender<Http2ClientRequest> http2(Http2Client client) {
    return new HelidonSender<>(
        method -> client.method(method).priorKnowledge(true), false, client::closeResource);
  }

  @Override
  public UpstreamReply send(
      Method method,
      HttpForwarder.Target to,
      Consumer<WritableHeaders<?>> fill,
      RequestBody body,
      Watchdog watchdog,
      UpstreamTry attempt) {
    T request = requests.apply(method);
    UpstreamRequests.configure(request, to.uri());
    if (to.tls() != null) {
      request.tls(to.tls().helidonTls());
    }
    ClientRequestHeaders headers = request.headers();
    fill.accept(headers);
    if (!body.present() && http1) {
      // Without a length Helidon would frame an empty body as chunked.
      headers.set(HeaderValues.CONTENT_LENGTH_ZERO);
    }
    boolean keepUserAgent = headers.contains(HeaderNames.USER_AGENT);
    return new HelidonReply(
        request.outputStream(
            out -> {
              attempt.sending();
              if (!keepUserAgent) {
                // Helidon adds its own User-Agent when none is set; the client sent none.
                request.headers().remove(HeaderNames.USER_AGENT);
              }
              body.writeTo(out, watchdog);
              watchdog.upstream();
              out.close();
            }));
  }

  @Override
  public void close() {
    close.run();
  }
}
