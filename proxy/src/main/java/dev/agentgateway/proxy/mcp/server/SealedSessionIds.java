package dev.agentgateway.proxy.mcp.server;

import dev.agentgateway.proxy.mcp.mux.ServerSession;
import dev.agentgateway.proxy.mcp.session.InvalidSessionException;
import dev.agentgateway.proxy.mcp.session.SessionCodec;
import dev.agentgateway.proxy.mcp.session.SessionState;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Session ids sealed with AES-256-GCM ({@link SessionCodec}) and bound to their backend's name as
 * authenticated data, so an id opens only on the backend that issued it, on any replica with the
 * same key.
 */
public final class SealedSessionIds implements SessionIds {
  private final SessionCodec codec;
  private final Clock clock;

  public SealedSessionIds(SessionCodec codec, Clock clock) {
    this.codec = codec;
    this.clock = clock;
  }

  @Override
  public String seal(String backend, Map<String, ServerSession> serverSessions) {
    List<SessionState.Target> targets = new ArrayList<>();
    serverSessions.forEach(
        (name, s) ->
            targets.add(
                new SessionState.Target(name, s.sessionId(), s.endpoint(), s.protocolVersion())));
    return codec.seal(SessionState.create(targets, clock.instant()), context(backend));
  }

  @Override
  public Map<String, ServerSession> unseal(String backend, String id) {
    SessionState state;
    try {
      state = codec.unseal(id, context(backend));
    } catch (InvalidSessionException e) {
      return null;
    }
    Map<String, ServerSession> out = new LinkedHashMap<>();
    for (SessionState.Target t : state.targets()) {
      out.put(
          t.name(),
          new ServerSession(t.upstreamSessionId(), t.pinnedEndpoint(), t.protocolVersion()));
    }
    return out;
  }

  private static byte[] context(String backend) {
    return ("mcp-backend:" + backend).getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public boolean resumableElsewhere() {
    return codec.shared();
  }
}
