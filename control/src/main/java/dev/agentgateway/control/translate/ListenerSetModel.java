package dev.agentgateway.control.translate;

import dev.agentgateway.control.gatewayapi.ListenerSet;
import java.util.List;

/**
 * A ListenerSet whose parent is one of our Gateways.
 *
 * @param key its namespace/name
 * @param listenerSet the object
 * @param gateway its parent Gateway
 * @param allowed whether the Gateway's allowedListeners admit it
 * @param listeners its listener models; none usable when not allowed
 */
record ListenerSetModel(
    ObjectKey key,
    ListenerSet listenerSet,
    GatewayModel gateway,
    boolean allowed,
    List<ListenerModel> listeners) {

  /** Accepted: allowed, its Gateway accepted, and at least one listener usable. */
  boolean accepted() {
    return allowed && gateway.accepted() && listeners.stream().anyMatch(ListenerModel::usable);
  }
}
