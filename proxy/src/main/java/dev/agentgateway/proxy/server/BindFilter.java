package dev.agentgateway.proxy.server;

import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Server-wide concerns of a bind, ahead of the proxy handler: counts requests in flight for the
 * drain, asks HTTP/1 clients to close once draining, and enforces the header count limit ({@code
 * http1MaxHeaders}, counted as distinct header names; Helidon has no count limit of its own).
 */
final class BindFilter implements Filter {
  private static final Status TOO_MANY_HEADERS =
      Status.create(431, "Request Header Fields Too Large");

  private final Drain drain;
  private final int maxHeaders;

  BindFilter(Drain drain, int maxHeaders) {
    this.drain = drain;
    this.maxHeaders = maxHeaders;
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    if (maxHeaders > 0 && req.headers().size() > maxHeaders) {
      res.status(TOO_MANY_HEADERS).send("too many request headers\n");
      return;
    }
    if (drain.draining() && req.prologue().protocolVersion().startsWith("1.")) {
      res.header(HeaderValues.CONNECTION_CLOSE);
    }
    drain.enter();
    try {
      chain.proceed();
    } finally {
      drain.exit();
    }
  }
}
