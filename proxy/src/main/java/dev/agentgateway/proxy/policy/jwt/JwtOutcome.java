package dev.agentgateway.proxy.policy.jwt;

import java.util.Map;
import java.util.Objects;

/** What JWT authentication decided for one request, after its mode is applied. */
public sealed interface JwtOutcome {

  /** Whether the request may proceed. */
  default boolean allowed() {
    return !(this instanceof Rejected);
  }

  /**
   * A valid token.
   *
   * @param subject the {@code sub} claim, or null
   * @param issuer the {@code iss} claim (a configured issuer)
   * @param claims every claim, nested objects as maps and arrays as lists, all unmodifiable; dates
   *     as epoch seconds
   */
  record Authenticated(String subject, String issuer, Map<String, Object> claims)
      implements JwtOutcome {
    public Authenticated {
      Objects.requireNonNull(issuer, "issuer");
      Objects.requireNonNull(claims, "claims");
    }
  }

  /** No token, or an invalid one in permissive mode: the request passes without claims. */
  enum Anonymous implements JwtOutcome {
    INSTANCE
  }

  /**
   * The request must be refused.
   *
   * @param reason why, for the client and logs; never contains the token
   * @param tokenPresented false when no token was sent (RFC 6750: no error code then)
   */
  record Rejected(String reason, boolean tokenPresented) implements JwtOutcome {
    public Rejected {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
