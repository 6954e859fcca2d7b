package dev.agentgateway.proxy.mcp.server;

import dev.agentgateway.proxy.mcp.mux.ServerSession;
import java.util.Map;

/**
 * Turns a gateway session's resumable state (its backend and each target's server session) into the
 * {@code Mcp-Session-Id} the client carries, and back. Implementations seal it, so a client can
 * neither read nor forge one.
 */
public interface SessionIds {
  /** The id for a session of {@code backend} over these server sessions. */
  String seal(String backend, Map<String, ServerSession> serverSessions);

  /**
   * The server sessions sealed into {@code id}, or null when it is not a valid id of {@code
   * backend}.
   */
  Map<String, ServerSession> unseal(String backend, String id);

  /**
   * True when another replica may resume these sessions: a replica that stops then leaves its
   * server sessions open instead of ending them.
   */
  default boolean resumableElsewhere() {
    return false;
  }
}
