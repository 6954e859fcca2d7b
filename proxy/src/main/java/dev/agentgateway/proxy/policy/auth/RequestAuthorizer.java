package dev.agentgateway.proxy.policy.auth;

import dev.agentgateway.model.ir.AuthorizationPolicy;
import dev.agentgateway.model.ir.McpAuthorizationPolicy;
import dev.agentgateway.proxy.policy.cel.CelActivation;
import dev.agentgateway.proxy.policy.cel.CelEngine;
import dev.agentgateway.proxy.policy.cel.CelRule;
import dev.agentgateway.proxy.policy.cel.CelRuleSet;
import dev.agentgateway.proxy.policy.cel.CelRuleSets;
import dev.agentgateway.proxy.policy.cel.RequestAttributes;
import dev.agentgateway.proxy.policy.cel.SourceAttributes;
import dev.agentgateway.proxy.telemetry.ResponseReason;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code authorization}: the route's CEL rules, evaluated with the rule-set semantics MCP
 * authorization uses ({@link CelRuleSets}), over {@code request}, {@code source} and the identity
 * the authentication policies found.
 */
final class RequestAuthorizer {
  private static final Denial DENIED =
      new Denial(Status.FORBIDDEN_403, "authorization: denied", null, ResponseReason.AUTHORIZATION);

  private final CelRuleSets rules;

  private RequestAuthorizer(CelRuleSets rules) {
    this.rules = rules;
  }

  /**
   * Compiles the rules.
   *
   * @throws IllegalArgumentException naming the rule ({@code authorization.rules[1].deny}) when one
   *     does not compile
   */
  static RequestAuthorizer compile(AuthorizationPolicy policy, CelEngine engine) {
    List<CelRule> compiled = new ArrayList<>();
    for (int i = 0; i < policy.rules().size(); i++) {
      McpAuthorizationPolicy.Rule r = policy.rules().get(i);
      try {
        compiled.add(
            new CelRule(
                CelRule.Mode.valueOf(r.kind().name()), engine.compilePredicate(r.expression())));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "authorization.rules["
                + i
                + "]."
                + r.kind().name().toLowerCase(Locale.ROOT)
                + ": "
                + e.getMessage(),
            e);
      }
    }
    return new RequestAuthorizer(CelRuleSets.of(List.of(CelRuleSet.of(compiled))));
  }

  /** The denial when the rules refuse the request, else null. */
  Denial check(ServerRequest req, Identity identity) {
    CelActivation.Builder activation =
        CelActivation.builder()
            .request(() -> RequestAttributes.from(req))
            .set(
                "source",
                (java.util.function.Supplier<SourceAttributes>) () -> SourceAttributes.from(req));
    return rules.allows(identity.addTo(activation).build()) ? null : DENIED;
  }
}
