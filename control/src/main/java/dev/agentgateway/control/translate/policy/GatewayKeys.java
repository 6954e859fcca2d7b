package dev.agentgateway.control.translate.policy;

import dev.agentgateway.control.xds.cache.GatewayKey;
import java.util.Comparator;

/** Orders Gateway keys by namespace, then name, so status and IR come out stable. */
final class GatewayKeys {
  static final Comparator<GatewayKey> ORDER =
      Comparator.comparing(GatewayKey::namespace).thenComparing(GatewayKey::name);

  private GatewayKeys() {}
}
