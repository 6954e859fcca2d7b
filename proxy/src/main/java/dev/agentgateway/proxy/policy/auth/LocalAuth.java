package dev.agentgateway.proxy.policy.auth;

import dev.agentgateway.model.config.ConfigException;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.proxy.policy.cel.LazyCelEngine;
import dev.agentgateway.proxy.policy.jwt.BearerToken;
import dev.agentgateway.proxy.policy.jwt.JwtAuthenticator;
import dev.agentgateway.proxy.policy.jwt.JwtCompiler;
import dev.agentgateway.proxy.policy.jwt.JwtOutcome;
import dev.agentgateway.proxy.telemetry.ResponseReason;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.util.List;
import java.util.Map;

/**
 * A route's {@code jwtAuth}, {@code basicAuth}, {@code apiKey}, {@code authorization} and {@code
 * csrf}, compiled once. The proxy calls {@link #authenticate} and {@link #authorize} early in the
 * route phase and {@link #csrf} later, at upstream's positions. A policy that cannot be compiled (a
 * CEL rule the load-time check should have refused) denies every request with 500 rather than serve
 * unprotected.
 */
public final class LocalAuth {
  private final JwtAuthenticator jwt;
  private final Credentials jwtLocation;
  private final BasicAuthenticator basic;
  private final ApiKeyAuthenticator apiKey;
  private final RequestAuthorizer authorizer;
  private final CsrfGuard csrf;
  private final Denial broken;

  private LocalAuth(
      JwtAuthenticator jwt,
      Credentials jwtLocation,
      BasicAuthenticator basic,
      ApiKeyAuthenticator apiKey,
      RequestAuthorizer authorizer,
      CsrfGuard csrf,
      Denial broken) {
    this.jwt = jwt;
    this.jwtLocation = jwtLocation;
    this.basic = basic;
    this.apiKey = apiKey;
    this.authorizer = authorizer;
    this.csrf = csrf;
    this.broken = broken;
  }

  /**
   * The compiled policies, or null when {@code policies} has none of them.
   *
   * @param jwt compiles {@code jwtAuth}; null when the caller has no way to fetch key sets (then a
   *     {@code jwtAuth} makes every request answer 500, never pass unchecked)
   */
  public static LocalAuth compile(RoutePolicies policies, LazyCelEngine cel, JwtCompiler jwt) {
    if (policies == null
        || (policies.jwtAuth() == null
            && policies.basicAuth() == null
            && policies.apiKey() == null
            && policies.authorization() == null
            && policies.csrf() == null)) {
      return null;
    }
    try {
      return new LocalAuth(
          jwtAuthenticator(policies, jwt),
          policies.jwtAuth() == null || policies.jwtAuth().location() == null
              ? null
              : new Credentials(policies.jwtAuth().location()),
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
              Status.INTERNAL_SERVER_ERROR_500,
              "route policy not usable: " + e.getMessage(),
              null,
              ResponseReason.INTERNAL);
      return new LocalAuth(null, null, null, null, null, null, broken);
    }
  }

  private static JwtAuthenticator jwtAuthenticator(RoutePolicies policies, JwtCompiler jwt) {
    if (policies.jwtAuth() == null) {
      return null;
    }
    if (jwt == null) {
      throw new IllegalArgumentException("jwtAuth: no JWKS client configured");
    }
    try {
      return jwt.compile(policies.jwtAuth());
    } catch (ConfigException e) {
      throw new IllegalArgumentException("jwtAuth." + e.getMessage(), e);
    }
  }

  /** JWT, then basic auth, then API key (upstream's order). */
  public Outcome authenticate(ServerRequest req) {
    if (broken != null) {
      return new Outcome(Identity.NONE, broken);
    }
    Map<String, Object> claims = null;
    if (jwt != null) {
      switch (jwt.authenticate(bearer(req))) {
        case JwtOutcome.Rejected r -> {
          // RFC 6750 §3.1: no error code when the request carried no token at all.
          String challenge = r.tokenPresented() ? "Bearer error=\"invalid_token\"" : "Bearer";
          return new Outcome(
              Identity.NONE,
              new Denial(
                  Status.UNAUTHORIZED_401,
                  "jwt: " + r.reason(),
                  challenge,
                  ResponseReason.JWT_AUTH));
        }
        case JwtOutcome.Authenticated a -> claims = a.claims();
        case JwtOutcome.Anonymous a -> {}
      }
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
        u == null && k == null && claims == null
            ? Identity.NONE
            : new Identity(
                u == null ? null : u.attributes(),
                k == null ? null : k.attributes(),
                k == null ? null : k.name(),
                claims);
    return new Outcome(identity, null);
  }

  private BearerToken.Extraction bearer(ServerRequest req) {
    if (jwtLocation == null) {
      return BearerToken.extract(req.headers().all(HeaderNames.AUTHORIZATION, List::of));
    }
    return switch (jwtLocation.find(req)) {
      case Credentials.Found.Absent a -> BearerToken.Missing.INSTANCE;
      case Credentials.Found.TooLong t -> new BearerToken.Malformed("token too long");
      case Credentials.Found.Value v -> BearerToken.token(v.value());
    };
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
