package dev.agentgateway.proxy.http;

import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.WritableHeaders;
import io.helidon.webserver.http.ServerRequest;

/**
 * Sets {@code X-Forwarded-For} (appending the client address), {@code -Proto} and {@code -Host}.
 */
final class ForwardedHeaders {
  private ForwardedHeaders() {}

  /**
   * Adds the forwarding headers for {@code req}.
   *
   * @param authority the client's Host / :authority, or {@code null}
   */
  static void apply(ServerRequest req, String authority, WritableHeaders<?> headers) {
    String client = req.remotePeer().host();
    String prior = req.headers().first(HeaderNames.X_FORWARDED_FOR).orElse(null);
    headers.set(
        HeaderValues.create(
            HeaderNames.X_FORWARDED_FOR, prior == null ? client : prior + ", " + client));
    headers.set(req.isSecure() ? UpstreamRequests.HTTPS : UpstreamRequests.HTTP);
    if (authority != null && !authority.isEmpty()) {
      headers.set(HeaderValues.create(HeaderNames.X_FORWARDED_HOST, authority));
    }
  }
}
