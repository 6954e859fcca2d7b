package dev.agentgateway.proxy.http;

import dev.agentgateway.proxy.http.upstream.UpstreamReply;
import io.helidon.http.Method;
import io.helidon.http.WritableHeaders;
import java.util.function.Consumer;

/** Sends one request upstream over one client: Helidon's HTTP/1.1 or HTTP/2, or the lean one. */
interface UpstreamSender extends AutoCloseable {
  /**
   * Sends a request and returns the response once its head arrived.
   *
   * @param headers fills in the upstream request headers (end-to-end, forwarding, Host)
   */
  UpstreamReply send(
      Method method,
      HttpForwarder.Target to,
      Consumer<WritableHeaders<?>> headers,
      RequestBody body,
      Watchdog watchdog,
      UpstreamTry attempt);

  @Override
  void close();
}
