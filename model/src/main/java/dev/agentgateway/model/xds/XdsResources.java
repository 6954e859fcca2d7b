package dev.agentgateway.model.xds;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.Bind;
import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.Policy;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.ServiceEndpoints;

/**
 * The type URL and the resource name rule of our xDS resources.
 *
 * <p>A resource's xDS name is {@code <kind>/<key>}: {@code bind/<key>}, {@code listener/<key>},
 * {@code route/<key>}, {@code policy/<key>}, {@code backend/<name>} (a backend has no key, so its
 * name, e.g. {@code host:port}, stands in) and {@code endpoints/<namespace>/<name>:<port>} for the
 * endpoints of a Service port. The kind prefix keeps keys of different kinds from colliding in one
 * delta stream, where names are the only identity.
 */
public final class XdsResources {

  /** The type URL of {@code agentgateway.dev.resource.Resource}. */
  public static final String TYPE_URL = "type.googleapis.com/agentgateway.dev.resource.Resource";

  private XdsResources() {}

  /** True when {@code ir} is a value that is shipped as an xDS resource of its own. */
  public static boolean isResource(Object ir) {
    return ir instanceof Bind
        || ir instanceof Listener
        || ir instanceof Route
        || ir instanceof Backend
        || ir instanceof Policy
        || ir instanceof ServiceEndpoints;
  }

  /**
   * The xDS name of any resource value.
   *
   * @throws IllegalArgumentException when {@code ir} is not one ({@link #isResource})
   */
  public static String nameOf(Object ir) {
    return switch (ir) {
      case Bind b -> name(b);
      case Listener l -> name(l);
      case Route r -> name(r);
      case Backend b -> name(b);
      case Policy p -> name(p);
      case ServiceEndpoints e -> name(e);
      default -> throw notAResource(ir);
    };
  }

  static IllegalArgumentException notAResource(Object ir) {
    return new IllegalArgumentException(
        ir.getClass().getName()
            + " is not an IR bind, listener, route, backend, policy or service endpoints");
  }

  /** The xDS name of a bind. */
  public static String name(Bind bind) {
    return "bind/" + bind.key();
  }

  /** The xDS name of a listener. */
  public static String name(Listener listener) {
    return "listener/" + listener.key();
  }

  /** The xDS name of a route. */
  public static String name(Route route) {
    return "route/" + route.key();
  }

  /** The xDS name of a backend. */
  public static String name(Backend backend) {
    return "backend/" + backend.name();
  }

  /** The xDS name of a policy. */
  public static String name(Policy policy) {
    return "policy/" + policy.key();
  }

  /** The xDS name of the endpoints of a Service port: {@code endpoints/<ns>/<name>:<port>}. */
  public static String name(ServiceEndpoints endpoints) {
    return "endpoints/" + endpoints.service().name();
  }
}
