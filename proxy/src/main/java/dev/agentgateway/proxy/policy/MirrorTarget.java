package dev.agentgateway.proxy.policy;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.RequestMirror;

/**
 * A compiled {@link RequestMirror}.
 *
 * @param backend where copies go
 * @param percentage the fraction of requests mirrored, 0.0 to 1.0
 */
public record MirrorTarget(Backend.Host backend, double percentage) {

  /** Compiles {@code mirror}; {@code null} when absent, never chosen, or not a host backend. */
  public static MirrorTarget compile(RequestMirror mirror) {
    if (mirror == null
        || mirror.percentage() <= 0
        || !(mirror.backend() instanceof Backend.Host host)) {
      return null;
    }
    return new MirrorTarget(host, Math.min(1.0, mirror.percentage()));
  }

  /** Draws whether this request is mirrored; {@code draw} is uniform in [0, 1). */
  public boolean chosen(double draw) {
    return draw < percentage;
  }
}
