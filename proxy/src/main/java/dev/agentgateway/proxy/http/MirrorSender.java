package dev.agentgateway.proxy.http;

import dev.agentgateway.proxy.policy.MirrorTarget;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Headers;
import io.helidon.http.Method;
import io.helidon.http.WritableHeaders;
import io.helidon.webclient.api.HttpClientResponse;
import io.helidon.webclient.http1.Http1ClientRequest;
import java.io.InputStream;

/**
 * Sends a fire-and-forget copy of a request to a mirror backend on its own virtual thread. The copy
 * carries the body only when the proxy holds it in memory; its response is read and dropped, and
 * nothing about it affects the original request.
 */
final class MirrorSender {
  private static final System.Logger LOGGER = System.getLogger(MirrorSender.class.getName());

  private final UpstreamClients clients;

  MirrorSender(UpstreamClients clients) {
    this.clients = clients;
  }

  /**
   * Mirrors a request.
   *
   * @param headers the upstream request headers (copied before this returns)
   * @param body the body, or {@code null} to send none
   */
  void send(MirrorTarget mirror, Method method, String target, Headers headers, byte[] body) {
    WritableHeaders<?> copy = WritableHeaders.create(headers);
    copy.set(HeaderValues.create(HeaderNames.HOST, mirror.backend().authority()));
    copy.remove(HeaderNames.TRANSFER_ENCODING);
    copy.set(HeaderValues.create(HeaderNames.CONTENT_LENGTH, body == null ? 0 : body.length));
    Thread.ofVirtual().name("agw-mirror").start(() -> deliver(mirror, method, target, copy, body));
  }

  private void deliver(
      MirrorTarget mirror, Method method, String target, Headers headers, byte[] body) {
    try {
      Http1ClientRequest request =
          UpstreamRequests.configure(
              clients.http1().method(method),
              UpstreamRequests.uri(
                  "http", mirror.backend().hostname(), mirror.backend().port(), target));
      boolean keepUserAgent = headers.contains(HeaderNames.USER_AGENT);
      for (Header header : headers) {
        request.headers().add(header);
      }
      try (HttpClientResponse response =
          request.outputStream(
              out -> {
                if (!keepUserAgent) {
                  request.headers().remove(HeaderNames.USER_AGENT);
                }
                if (body != null) {
                  out.write(body);
                }
                out.close();
              })) {
        try (InputStream in = response.inputStream()) {
          in.transferTo(java.io.OutputStream.nullOutputStream());
        }
      }
    } catch (Exception e) {
      LOGGER.log(
          System.Logger.Level.DEBUG,
          "mirror to " + mirror.backend().authority() + " failed: " + e.getMessage());
    }
  }
}
