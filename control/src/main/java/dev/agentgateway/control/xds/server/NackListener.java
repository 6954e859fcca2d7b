package dev.agentgateway.control.xds.server;

import dev.agentgateway.control.xds.cache.GatewayKey;

/** Told when a proxy rejects (NACKs) configuration; the controller reports it as an Event. */
@FunctionalInterface
public interface NackListener {

  /** A listener that does nothing. */
  NackListener NONE = (gateway, message) -> {};

  /** Called once per NACK with the proxy's gateway and its error message. */
  void onNack(GatewayKey gateway, String message);
}
