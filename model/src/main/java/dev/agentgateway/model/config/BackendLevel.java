package dev.agentgateway.model.config;

import dev.agentgateway.model.ir.BackendAuth;
import dev.agentgateway.model.ir.BackendHttpPolicy;
import dev.agentgateway.model.ir.BackendTcpPolicy;
import dev.agentgateway.model.ir.HealthPolicy;
import dev.agentgateway.model.ir.RoutePolicies;

/**
 * The backend policies of a route's plain backends ({@code backendAuth}, {@code tcp}, {@code http},
 * {@code health}); each null when absent. They become fields of the route's {@link RoutePolicies}.
 */
record BackendLevel(
    BackendAuth auth, BackendTcpPolicy tcp, BackendHttpPolicy http, HealthPolicy health) {
  static final BackendLevel NONE = new BackendLevel(null, null, null, null);

  boolean isEmpty() {
    return auth == null && tcp == null && http == null && health == null;
  }

  /** This, with the fields {@code more} sets replacing its own. */
  BackendLevel overriddenBy(BackendLevel more) {
    return new BackendLevel(
        more.auth != null ? more.auth : auth,
        more.tcp != null ? more.tcp : tcp,
        more.http != null ? more.http : http,
        more.health != null ? more.health : health);
  }

  RoutePolicies.Builder into(RoutePolicies.Builder b) {
    return b.backendAuth(auth).backendTcp(tcp).backendHttp(http).health(health);
  }
}
