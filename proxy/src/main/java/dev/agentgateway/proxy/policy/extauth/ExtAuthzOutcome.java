package dev.agentgateway.proxy.policy.extauth;

import dev.agentgateway.proxy.policy.HeaderMutation;
import io.helidon.http.Header;
import java.util.List;

/** What an authorization check decided for one request. */
public sealed interface ExtAuthzOutcome {

  /**
   * The request goes on.
   *
   * @param upstreamHeaders changes to the headers sent upstream, or {@code null}
   * @param responseHeaders headers added to the client's response
   * @param reason why, for the access log when the check failed open; empty otherwise
   */
  record Allow(HeaderMutation upstreamHeaders, List<Header> responseHeaders, String reason)
      implements ExtAuthzOutcome {
    public Allow {
      responseHeaders = List.copyOf(responseHeaders);
    }
  }

  /**
   * The request is answered here.
   *
   * @param status the status sent
   * @param headers headers sent with it
   * @param body the body sent
   * @param reason why, for the access log
   */
  record Deny(int status, List<Header> headers, byte[] body, String reason)
      implements ExtAuthzOutcome {
    public Deny {
      headers = List.copyOf(headers);
    }
  }
}
