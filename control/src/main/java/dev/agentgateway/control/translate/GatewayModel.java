package dev.agentgateway.control.translate;

import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.model.ir.Route;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A Gateway of our class while translation runs: its listeners (its own, then those of the
 * ListenerSets it accepted) and the routes attached to them so far.
 */
final class GatewayModel {
  final GatewayKey key;
  final Gateway gateway;
  final Infrastructure infrastructure;
  final List<ListenerModel> listeners;
  final List<Route> routes = new ArrayList<>();

  /** Routes attached per listener {@linkplain ListenerModel#id() id}. */
  final Map<String, Integer> attachedRoutes = new HashMap<>();

  GatewayModel(
      GatewayKey key,
      Gateway gateway,
      Infrastructure infrastructure,
      ListenerCertificates certificates) {
    this.key = key;
    this.gateway = gateway;
    this.infrastructure = infrastructure;
    this.listeners = new ArrayList<>(GatewayListeners.of(key, gateway, certificates));
  }

  boolean accepted() {
    return infrastructure.parametersError() == null;
  }

  boolean programmed() {
    return accepted() && infrastructure.available();
  }
}
