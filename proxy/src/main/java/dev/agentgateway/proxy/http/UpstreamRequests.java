package dev.agentgateway.proxy.http;

import io.helidon.common.uri.UriInfo;
import io.helidon.common.uri.UriPath;
import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webclient.api.ClientRequest;
import io.helidon.webclient.api.ClientUri;
import io.helidon.webclient.api.Proxy;
import java.time.Duration;

/** Builds upstream requests that carry exactly the request target and headers the proxy chose. */
final class UpstreamRequests {
  /** Long enough never to cut a quiet stream; real limits come from timeout policies. */
  private static final Duration NO_READ_TIMEOUT = Duration.ofDays(1);

  static final Header HTTP = HeaderValues.create(HeaderNames.X_FORWARDED_PROTO, "http");
  static final Header HTTPS = HeaderValues.create(HeaderNames.X_FORWARDED_PROTO, "https");

  private UpstreamRequests() {}

  /**
   * The absolute URI of {@code target} (raw path and query, sent verbatim: Helidon would otherwise
   * re-encode the path and reorder the query).
   */
  static ClientUri uri(String scheme, String hostname, int port, String target) {
    return ClientUri.create(
        UriInfo.builder()
            .scheme(scheme)
            .host(hostname)
            .port(port)
            .path(UriPath.create(target))
            .build());
  }

  /** Applies the settings every proxied request needs, whatever the client's defaults are. */
  static <T extends ClientRequest<T>> T configure(T request, ClientUri uri) {
    return request
        .uri(uri)
        .proxy(Proxy.noProxy())
        .followRedirects(false)
        .keepAlive(true)
        .sendExpectContinue(false)
        .readTimeout(NO_READ_TIMEOUT);
  }

  /** The request target: the path, plus {@code ?query} when there is one. */
  static String target(String path, String rawQuery) {
    return rawQuery.isEmpty() ? path : path + "?" + rawQuery;
  }
}
