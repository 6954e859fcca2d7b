package dev.agentgateway.proxy.policy.extauth;

import dev.agentgateway.model.ir.ExtAuthzPolicy;
import dev.agentgateway.proxy.policy.PolicyClients;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * A route's {@code extAuthz}, compiled: the proxy handler calls {@link #check} after authentication
 * and before CEL authorization; a failed call follows the policy's failure mode.
 */
public final class ExtAuthz {
  /** How long a check may take when the policy sets no {@code requestTimeout}. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  private static final System.Logger LOG = System.getLogger(ExtAuthz.class.getName());

  private final ExtAuthzPolicy policy;
  private final Authorizer authorizer;

  private ExtAuthz(ExtAuthzPolicy policy, Authorizer authorizer) {
    this.policy = policy;
    this.authorizer = authorizer;
  }

  /** The compiled policy, or {@code null} when {@code policy} is absent. */
  public static ExtAuthz compile(ExtAuthzPolicy policy, PolicyClients clients) {
    if (policy == null) {
      return null;
    }
    Duration timeout = policy.timeout() == null ? DEFAULT_TIMEOUT : policy.timeout();
    Authorizer authorizer =
        switch (policy.protocol()) {
          // The channel is looked up per call: it is shared and outlives this compiled route.
          case GRPC -> new GrpcAuthorizer(() -> clients.channel(policy.target()), timeout, policy);
          case HTTP -> new HttpAuthorizer(clients::http, timeout, policy);
        };
    return new ExtAuthz(policy, authorizer);
  }

  /** How many body bytes the service wants; 0 when it wants none. */
  public int bodyBytes() {
    return policy.includeRequestBody() == null ? 0 : policy.includeRequestBody().maxRequestBytes();
  }

  /** Whether a body larger than {@link #bodyBytes} is sent cut short (else it is refused 413). */
  public boolean allowsPartialBody() {
    return policy.includeRequestBody() != null && policy.includeRequestBody().allowPartialMessage();
  }

  /** Decides {@code request}; never throws for a service that fails. */
  public ExtAuthzOutcome check(AuthzRequest request) {
    try {
      return authorizer.check(request);
    } catch (Authorizer.CheckFailedException | RuntimeException e) {
      LOG.log(System.Logger.Level.DEBUG, "ext_authz check failed", e);
      String why =
          e instanceof Authorizer.CheckFailedException ? e.getMessage() : "ext_authz error";
      if (policy.failureMode() == ExtAuthzPolicy.FailureMode.ALLOW) {
        return new ExtAuthzOutcome.Allow(null, List.of(), why + "; failure mode allows");
      }
      return new ExtAuthzOutcome.Deny(
          policy.failureStatus(),
          List.of(),
          "external authorization failed".getBytes(StandardCharsets.UTF_8),
          why);
    }
  }
}
