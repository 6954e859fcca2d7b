package dev.agentgateway.proxy.http;

import dev.agentgateway.proxy.routing.RequestView;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/** Adapts a Helidon request to {@link RequestView} without copying headers. */
final class HelidonRequestView implements RequestView {
  private final ServerRequest req;
  private final String path;
  private String host;

  HelidonRequestView(ServerRequest req) {
    this(req, null);
  }

  /** The request as if it were for {@code path}; null keeps its own. */
  HelidonRequestView(ServerRequest req, String path) {
    this.req = req;
    this.path = path;
  }

  @Override
  public String host() {
    if (host == null) {
      // The Host header (Helidon sets it from :authority for HTTP/2); absent on some HTTP/1.0.
      host = RequestView.hostOf(req.headers().first(HeaderNames.HOST).orElse(null));
    }
    return host;
  }

  @Override
  public String method() {
    return req.prologue().method().text();
  }

  @Override
  public String path() {
    return path != null ? path : req.prologue().uriPath().rawPath();
  }

  @Override
  public String header(String name) {
    return req.headers().first(HeaderNames.create(name)).orElse(null);
  }

  @Override
  public String query(String name) {
    return req.query().first(name).orElse(null);
  }
}
