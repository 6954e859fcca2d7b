package dev.agentgateway.proxy.policy.auth;

import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.proxy.policy.cel.LazyCelEngine;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;

/**
 * A route's {@code basicAuth}, {@code apiKey}, {@code authorization} and {@code csrf}, compiled
 * once. The proxy calls {@link #authenticate} and {@link #authorize} early in the route phase and
 * {@link #csrf} later, at upstream's positions. A policy that cannot be compiled (a CEL rule the
 * load-time check should have refused) denies every request with 500 rather than serve unprotected.
 */
public final class LocalAuth {
  private final BasicAuthenticator basic;
  private final ApiKeyAuthenticator apiKey;
  private final RequestAuthorizer authorizer;
  private final CsrfGuard csrf;
  private final Denial broken;

  private LocalAuth(
      BasicAuthenticator basic,
      ApiKeyAuthenticator apiKey,
      RequestAuthorizer authorizer,
      CsrfGuard csrf,
      Denial broken) {
    this.basic = basic;
    this.apiKey = apiKey;
    this.authorizer = authorizer;
    this.csrf = csrf;
    this.broken = broken;
  }

  /** The compiled policies, or null when {@code policies} has none of them. */
  public static LocalAuth compile(RoutePolicies policies, LazyCelEngine cel) {
    if (policies == null
        || (policies.basicAuth() == null
            && policies.apiKey() == null
            && policies.authorization() == null
            && policies.csrf() == null)) {
      return null;
    }
    try {
      return new LocalAuth(
          BasicAuthenticator.compile(policies.basicAuth()),
          ApiKeyAuthenticator.compile(policies.apiKey()),
          policies.authorization() == null
              ? null
              : RequestAuthorizer.compile(policies.authorization(), cel.get()),
          CsrfGuard.compile(policies.csrf()),
          null);
    } catch (IllegalArgumentException e) {
      Denial broken =
          new Denial(
              Status.INTERNAL_SERVER_ERROR_500, "route policy not usable: " + e.getMessage(), null);
      return new LocalAuth(null, null, null, null, broken);
    }
  }

  /** Basic auth, then API key (upstream's order). */
  public Outcome authenticate(ServerRequest req) {
    if (broken != null) {
      return new Outcome(Identity.NONE, broken);
    }
    Check user = basic == null ? Check.ANONYMOUS : basic.authenticate(req);
    if (user instanceof Denial d) {
      return new Outcome(Identity.NONE, d);
    }
    Check key = apiKey == null ? Check.ANONYMOUS : apiKey.authenticate(req);
    if (key instanceof Denial d) {
      return new Outcome(Identity.NONE, d);
    }
    Check.Accepted u = user instanceof Check.Accepted a ? a : null;
    Check.Accepted k = key instanceof Check.Accepted a ? a : null;
    Identity identity =
        u == null && k == null
            ? Identity.NONE
            : new Identity(
                u == null ? null : u.attributes(),
                k == null ? null : k.attributes(),
                k == null ? null : k.name());
    return new Outcome(identity, null);
  }

  /** The CEL {@code authorization} rules' denial, or null. */
  public Denial authorize(ServerRequest req, Identity identity) {
    return authorizer == null ? null : authorizer.check(req, identity);
  }

  /** The {@code csrf} denial, or null. */
  public Denial csrf(ServerRequest req) {
    return csrf == null ? null : csrf.check(req);
  }

  /**
   * What authentication found.
   *
   * @param identity the caller, {@link Identity#NONE} when anonymous
   * @param denial why the request is refused, or null
   */
  public record Outcome(Identity identity, Denial denial) {}
}
