package dev.agentgateway.model.ir;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A policy attached to a target, shipped as written and merged by the proxy at request time.
 *
 * @param key unique key
 * @param name the policy's name
 * @param target what it attaches to
 * @param policy the policy fields
 * @param phase when it runs: after route selection (the default) or before it
 * @param inheritance whether more specific policies may replace the fields it sets
 * @param frontend the frontend (connection) policies, or null; only GATEWAY and LISTENER targets
 *     use them
 */
public record Policy(
    String key,
    String name,
    PolicyTarget target,
    RoutePolicies policy,
    Phase phase,
    Inheritance inheritance,
    FrontendPolicies frontend) {
  public Policy {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(policy, "policy");
    phase = phase == null ? Phase.ROUTE : phase;
    inheritance = inheritance == null ? Inheritance.DEFAULT : inheritance;
    if (frontend != null && frontend.isEmpty()) {
      frontend = null;
    }
    if (phase == Phase.GATEWAY
        && target.kind() != PolicyTarget.Kind.GATEWAY
        && target.kind() != PolicyTarget.Kind.LISTENER) {
      throw new IllegalArgumentException(
          "phase gateway applies before route selection, so it targets a gateway or listener,"
              + " not a "
              + target.kind().name().toLowerCase(java.util.Locale.ROOT));
    }
    if (phase == Phase.GATEWAY) {
      List<String> others = notInGatewayPhase(policy);
      if (!others.isEmpty()) {
        throw new IllegalArgumentException(
            "phase gateway runs only "
                + String.join(", ", GATEWAY_PHASE_FIELDS)
                + "; not supported there yet: "
                + String.join(", ", others));
      }
    }
  }

  /**
   * The {@link RoutePolicies} fields the gateway phase runs, in upstream's order: those that can
   * decide before a route is known.
   */
  public static final List<String> GATEWAY_PHASE_FIELDS =
      List.of(
          "cors",
          "jwtAuth",
          "basicAuth",
          "apiKey",
          "extAuthz",
          "authorization",
          "localRateLimit",
          "remoteRateLimit");

  /** The fields {@code policy} sets that the gateway phase does not run, by component name. */
  public static List<String> notInGatewayPhase(RoutePolicies policy) {
    List<String> out = new ArrayList<>();
    for (RecordComponent c : RoutePolicies.class.getRecordComponents()) {
      if (GATEWAY_PHASE_FIELDS.contains(c.getName())) {
        continue;
      }
      try {
        if (c.getAccessor().invoke(policy) != null) {
          out.add(c.getName());
        }
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  /** A route-phase policy with the default inheritance. */
  public Policy(String key, String name, PolicyTarget target, RoutePolicies policy) {
    this(key, name, target, policy, Phase.ROUTE, Inheritance.DEFAULT, null);
  }

  /** A policy without frontend policies. */
  public Policy(
      String key,
      String name,
      PolicyTarget target,
      RoutePolicies policy,
      Phase phase,
      Inheritance inheritance) {
    this(key, name, target, policy, phase, inheritance, null);
  }

  /** A route-phase policy with the default inheritance and frontend policies. */
  public Policy(
      String key,
      String name,
      PolicyTarget target,
      RoutePolicies policy,
      FrontendPolicies frontend) {
    this(key, name, target, policy, Phase.ROUTE, Inheritance.DEFAULT, frontend);
  }

  /** When a policy runs (upstream's {@code PreRouting} / {@code PostRouting}). */
  public enum Phase {
    /** After route selection, merged into each route it reaches. */
    ROUTE,
    /** Before route selection, on the listener: it reaches requests no route matches too. */
    GATEWAY
  }

  /** How a policy merges with more specific ones (upstream's {@code strategy.inheritance}). */
  public enum Inheritance {
    /** More specific policies replace the fields it sets. */
    DEFAULT,
    /** The fields it sets win over more specific policies. */
    OVERRIDE
  }
}
