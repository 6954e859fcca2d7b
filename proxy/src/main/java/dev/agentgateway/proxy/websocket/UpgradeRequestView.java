package dev.agentgateway.proxy.websocket;

import dev.agentgateway.proxy.routing.RequestView;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;

/** The upgrade request as route selection sees it: prologue and headers, nothing copied. */
final class UpgradeRequestView implements RequestView {
  private final HttpPrologue prologue;
  private final Headers headers;
  private String host;

  UpgradeRequestView(HttpPrologue prologue, Headers headers) {
    this.prologue = prologue;
    this.headers = headers;
  }

  /** The Host header as sent (with port), or empty. */
  String authority() {
    return headers.first(HeaderNames.HOST).orElse("");
  }

  @Override
  public String host() {
    if (host == null) {
      host = RequestView.hostOf(authority());
    }
    return host;
  }

  @Override
  public String method() {
    return prologue.method().text();
  }

  @Override
  public String path() {
    return prologue.uriPath().rawPath();
  }

  @Override
  public String header(String name) {
    return headers.first(HeaderNames.create(name)).orElse(null);
  }

  @Override
  public String query(String name) {
    return prologue.query().first(name).orElse(null);
  }
}
