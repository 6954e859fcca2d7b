package dev.agentgateway.proxy.server;

import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * Enforces {@code frontendPolicies.http.http1MaxHeaders}: Helidon limits header bytes but not the
 * number of headers, so this counts them (as distinct header names) ahead of the proxy handler.
 * Installed only when the limit is set.
 */
final class BindFilter implements Filter {
  private static final Status TOO_MANY_HEADERS =
      Status.create(431, "Request Header Fields Too Large");

  private final int maxHeaders;

  BindFilter(int maxHeaders) {
    this.maxHeaders = maxHeaders;
  }

  @Override
  public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
    if (req.headers().size() > maxHeaders) {
      res.status(TOO_MANY_HEADERS).send("too many request headers\n");
      return;
    }
    chain.proceed();
  }
}
