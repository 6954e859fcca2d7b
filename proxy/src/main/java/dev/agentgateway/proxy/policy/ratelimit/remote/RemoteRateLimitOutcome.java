package dev.agentgateway.proxy.policy.ratelimit.remote;

import io.helidon.http.Header;
import java.util.List;

/**
 * What the rate limit service decided for one request.
 *
 * @param allowed whether the request goes on
 * @param status the status sent when it does not (429 over the limit, 500 when the service failed
 *     closed)
 * @param responseHeaders headers for the client's response either way
 * @param requestHeaders headers the service asks to add to the upstream request
 * @param body the body sent when refused
 * @param reason why, for the access log; empty when allowed normally
 */
public record RemoteRateLimitOutcome(
    boolean allowed,
    int status,
    List<Header> responseHeaders,
    List<Header> requestHeaders,
    byte[] body,
    String reason) {
  public RemoteRateLimitOutcome {
    responseHeaders = List.copyOf(responseHeaders);
    requestHeaders = List.copyOf(requestHeaders);
  }

  /** Allowed with nothing to add: no descriptor applied. */
  static final RemoteRateLimitOutcome SKIPPED =
      new RemoteRateLimitOutcome(true, 200, List.of(), List.of(), new byte[0], "");
}
