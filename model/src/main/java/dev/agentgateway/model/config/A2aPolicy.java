package dev.agentgateway.model.config;

import dev.agentgateway.model.ir.Backend;

/**
 * Upstream's {@code a2a: {}} policy, on a route or on one of its backends. It marks the traffic as
 * A2A, which the IR says by wrapping the plain backend in {@link Backend.A2a}.
 */
final class A2aPolicy {
  private A2aPolicy() {}

  /** Whether {@code a2a} is set; reports any field in it (upstream's policy has none). */
  static boolean isSet(ConfigNode a2a) {
    return a2a.mapping(UpstreamFields.A2A);
  }

  /**
   * {@code backend} as an A2A backend, or {@code null} after reporting at {@code a2a} that the
   * backend at {@code backendPath} already speaks another protocol.
   */
  static Backend wrap(Backend backend, ConfigNode a2a, String backendPath) {
    return switch (backend) {
      case null -> null;
      case Backend.Host h -> new Backend.A2a(h);
      case Backend.Service s -> new Backend.A2a(s);
      case Backend.A2a a -> a;
      case Backend.Mcp m -> refuse(a2a, backendPath, "an mcp");
      case Backend.Ai ai -> refuse(a2a, backendPath, "an ai");
    };
  }

  private static Backend refuse(ConfigNode a2a, String backendPath, String kind) {
    a2a.error(
        "a2a applies only to host and service backends, and "
            + backendPath
            + " is "
            + kind
            + " backend");
    return null;
  }
}
