package dev.agentgateway.proxy.http;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.proxy.policy.CompiledPolicies;
import dev.agentgateway.proxy.policy.HeaderMutation;
import dev.agentgateway.proxy.policy.cel.CelActivation;
import dev.agentgateway.proxy.policy.cel.RequestAttributes;
import dev.agentgateway.proxy.policy.cel.SourceAttributes;
import dev.agentgateway.proxy.policy.extauth.AuthzRequest;
import dev.agentgateway.proxy.policy.extauth.ExtAuthz;
import dev.agentgateway.proxy.policy.extauth.ExtAuthzOutcome;
import dev.agentgateway.proxy.policy.ratelimit.remote.RemoteRateLimitOutcome;
import dev.agentgateway.proxy.policy.transform.CelContexts;
import dev.agentgateway.proxy.routing.RouteSelection;
import dev.agentgateway.proxy.telemetry.ResponseReason;
import io.helidon.http.Header;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;

/**
 * The route policies that call out to services, in upstream's places: {@code extAuthz} after
 * authentication, {@code remoteRateLimit} after the local rate limit. Each either answers the
 * request itself or lets it go on with header changes for the upstream request.
 */
final class CallOutSteps {
  private CallOutSteps() {}

  /**
   * Where the request stands after a step.
   *
   * @param answered whether the step answered the client (the handler stops)
   * @param upstream header changes for the upstream request, or {@code null}
   * @param body the request body when the step opened it, else {@code null}
   */
  record Result(boolean answered, HeaderMutation upstream, RequestBody body) {
    static final Result GO_ON = new Result(false, null, null);
  }

  /**
   * Runs {@code extAuthz}.
   *
   * @param inspectBody whether the body may be read for the call (only when the request is proxied
   *     plainly: MCP and LLM backends read the body themselves)
   * @param replayBuffer how much of the body forwarding keeps for replay (retries, mirrors)
   */
  static Result authorize(
      ServerRequest req,
      ServerResponse res,
      Exchange ex,
      CompiledPolicies compiled,
      boolean inspectBody,
      long replayBuffer) {
    ExtAuthz authz = compiled.extAuthz();
    RequestBody body = null;
    byte[] sent = null;
    // MCP and LLM backends read the body themselves, so it is only inspected for plain proxying.
    if (authz.bodyBytes() > 0 && inspectBody) {
      body = RequestBody.open(req, replayBuffer, authz.bodyBytes());
      if (body.longerThan(authz.bodyBytes()) && !authz.allowsPartialBody()) {
        ex.reply(res, Status.REQUEST_ENTITY_TOO_LARGE_413, "request body too large for ext_authz");
        return new Result(true, null, body);
      }
      sent = body.head(authz.bodyBytes());
    }
    ExtAuthzOutcome outcome = authz.check(new AuthzRequest(req, sent));
    switch (outcome) {
      case ExtAuthzOutcome.Allow allow -> {
        setAll(res, allow.responseHeaders());
        if (!allow.reason().isEmpty()) {
          ex.reason(allow.reason());
        }
        return new Result(false, allow.upstreamHeaders(), body);
      }
      case ExtAuthzOutcome.Deny deny -> {
        ex.status(deny.status());
        ex.responseReason(ResponseReason.EXT_AUTH);
        ex.reason(deny.reason());
        ex.addBytesOut(deny.body().length);
        res.status(Status.create(deny.status()));
        for (Header header : deny.headers()) {
          res.headers().add(header);
        }
        res.send(deny.body());
        return new Result(true, null, body);
      }
    }
  }

  /** Runs {@code remoteRateLimit}. */
  static Result rateLimit(ServerRequest req, ServerResponse res, Exchange ex, CompiledPolicies c) {
    CelActivation activation =
        CelContexts.caller(
                req,
                CelActivation.builder()
                    .request(() -> RequestAttributes.from(req))
                    .source(SourceAttributes.from(req)))
            .build();
    RemoteRateLimitOutcome outcome = c.remoteRateLimit().check(activation);
    setAll(res, outcome.responseHeaders());
    if (!outcome.reason().isEmpty()) {
      ex.reason(outcome.reason());
    }
    if (outcome.allowed()) {
      return new Result(
          false, HeaderMutation.of(List.of(), outcome.requestHeaders(), List.of()), null);
    }
    ex.status(outcome.status());
    ex.responseReason(ResponseReason.RATE_LIMIT);
    ex.addBytesOut(outcome.body().length);
    res.status(Status.create(outcome.status()));
    res.send(outcome.body());
    return new Result(true, null, null);
  }

  /** Whether the selected route proxies plainly (no MCP or AI backend that reads the body). */
  static boolean forwardsPlainly(RouteSelection selection) {
    for (RouteBackend b : selection.route().backends()) {
      if (b.backend() instanceof Backend.Mcp || b.backend() instanceof Backend.Ai) {
        return false;
      }
    }
    return true;
  }

  private static void setAll(ServerResponse res, List<Header> headers) {
    for (Header header : headers) {
      res.headers().set(header);
    }
  }
}
