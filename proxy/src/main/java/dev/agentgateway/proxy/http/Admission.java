package dev.agentgateway.proxy.http;

import dev.agentgateway.proxy.policy.CompiledPolicies;
import dev.agentgateway.proxy.policy.HeaderMutation;
import dev.agentgateway.proxy.policy.auth.Denial;
import dev.agentgateway.proxy.policy.auth.Identity;
import dev.agentgateway.proxy.policy.auth.LocalAuth;
import dev.agentgateway.proxy.telemetry.ResponseReason;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The policies that admit or refuse a request, in upstream's order: CORS, JWT, basic auth, API key,
 * ext_authz, CEL authorization, the local then the remote rate limit. The gateway phase runs them
 * on the listener before route selection, the route phase after it; each refusal records the policy
 * that refused ({@link ResponseReason}) and its one-line error.
 */
final class Admission {
  private Admission() {}

  /**
   * Where the request stands after one phase.
   *
   * @param answered whether a policy answered the client (the handler stops)
   * @param identity who the request authenticated as, or {@code identity} given when none
   * @param upstream header changes for the upstream request from call-outs, or {@code null}
   * @param body the request body when ext_authz opened it, else {@code null}
   */
  record Result(boolean answered, Identity identity, HeaderMutation upstream, RequestBody body) {}

  private static final Result ANSWERED = new Result(true, Identity.NONE, null, null);
  private static final Result ADMITTED = new Result(false, Identity.NONE, null, null);

  /**
   * Runs {@code compiled}'s admission policies.
   *
   * @param known the identity an earlier phase established, kept when this one authenticates none
   * @param inspectBody whether ext_authz may read the body (not before the backend is known: MCP
   *     and LLM backends read it themselves)
   * @param replayBuffer how much of the body forwarding keeps for replay (retries, mirrors)
   */
  static Result run(
      ServerRequest req,
      ServerResponse res,
      Exchange ex,
      CompiledPolicies compiled,
      Identity known,
      boolean inspectBody,
      long replayBuffer) {
    if (compiled.cors() != null && compiled.cors().apply(req, res)) {
      ex.status(Status.OK_200.code());
      ex.responseReason(ResponseReason.DIRECT_RESPONSE);
      return ANSWERED;
    }
    LocalAuth auth = compiled.auth();
    Identity identity = known;
    if (auth != null) {
      LocalAuth.Outcome outcome = auth.authenticate(req);
      if (outcome.denial() != null) {
        deny(res, ex, outcome.denial());
        return ANSWERED;
      }
      if (outcome.identity() != Identity.NONE) {
        identity = outcome.identity();
        if (identity.jwtSubject() != null) {
          ex.field("jwt.sub", identity.jwtSubject());
        }
        if (identity.apiKeyName() != null) {
          ex.field("agw.api_key.name", identity.apiKeyName());
        }
        req.context().register(identity);
      }
    }
    HeaderMutation upstream = null;
    RequestBody opened = null;
    if (compiled.extAuthz() != null) {
      CallOutSteps.Result authz =
          CallOutSteps.authorize(req, res, ex, compiled, inspectBody, replayBuffer);
      if (authz.answered()) {
        return ANSWERED;
      }
      opened = authz.body();
      upstream = authz.upstream();
    }
    if (auth != null) {
      Denial refused = auth.authorize(req, identity);
      if (refused != null) {
        deny(res, ex, refused);
        return ANSWERED;
      }
    }
    if (compiled.rateLimit() != null && !compiled.rateLimit().admit(res)) {
      ex.status(Status.TOO_MANY_REQUESTS_429.code());
      ex.responseReason(ResponseReason.RATE_LIMIT);
      ex.reason("rate limited");
      return ANSWERED;
    }
    if (compiled.remoteRateLimit() != null) {
      CallOutSteps.Result limit = CallOutSteps.rateLimit(req, res, ex, compiled);
      if (limit.answered()) {
        return ANSWERED;
      }
      upstream = HeaderMutation.chain(upstream, limit.upstream());
    }
    return identity == Identity.NONE && upstream == null && opened == null
        ? ADMITTED
        : new Result(false, identity, upstream, opened);
  }

  /** Answers {@code denial}: its status, challenge and error, on behalf of its policy. */
  static void deny(ServerResponse res, Exchange ex, Denial denial) {
    if (denial.challenge() != null) {
      res.header(HeaderNames.WWW_AUTHENTICATE, denial.challenge());
    }
    ex.reply(res, denial.status(), denial.policy(), denial.reason());
  }
}
