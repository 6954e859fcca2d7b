package dev.agentgateway.control.xds.auth;

import dev.agentgateway.control.xds.cache.GatewayKey;
import java.util.Objects;

/** The verdict on one bearer token: the ServiceAccount it proves, or why it proves none. */
public sealed interface Authentication {

  /** The token is a valid ServiceAccount token for our audience. */
  record Accepted(GatewayKey serviceAccount) implements Authentication {
    /** Requires the ServiceAccount. */
    public Accepted {
      Objects.requireNonNull(serviceAccount, "serviceAccount");
    }
  }

  /** The token proves nothing we accept; {@code reason} is safe to send back to the client. */
  record Refused(String reason) implements Authentication {
    /** Requires a reason. */
    public Refused {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
