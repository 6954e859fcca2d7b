package dev.agentgateway.control.xds.server;

import dev.agentgateway.control.xds.cache.GatewayKey;
import io.grpc.Context;
import java.util.Optional;

/** Who an authenticated stream is: the proxy's ServiceAccount, which must be its Gateway's. */
public final class XdsIdentity {

  /**
   * The authenticated ServiceAccount of the current call as a {@link GatewayKey} (its namespace and
   * name); absent when authentication is off.
   */
  public static final Context.Key<GatewayKey> SERVICE_ACCOUNT =
      Context.key("agentgateway-xds-service-account");

  private XdsIdentity() {}

  /**
   * Why a stream authenticated as the current call's ServiceAccount may not ask for {@code
   * requested}, or empty when it may (or when authentication is off). The Gateway's proxies run as
   * the ServiceAccount named after the Gateway, in its namespace.
   */
  static Optional<String> refusal(GatewayKey authenticated, GatewayKey requested) {
    if (authenticated == null || authenticated.equals(requested)) {
      return Optional.empty();
    }
    return Optional.of(
        "requested gateway " + requested + " but authenticated as ServiceAccount " + authenticated);
  }
}
