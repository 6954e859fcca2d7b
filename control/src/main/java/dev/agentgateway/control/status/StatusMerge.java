package dev.agentgateway.control.status;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayStatusBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerStatusBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.PolicyAncestorStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.PolicyAncestorStatusBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatusBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Merges translated status into what an object already has: a condition whose status did not change
 * keeps its {@code lastTransitionTime} (so an unchanged status is byte-identical and not written
 * again), and route parent and policy ancestor entries of other controllers stay untouched.
 */
public final class StatusMerge {
  private StatusMerge() {}

  /** {@code desired} conditions, stamped {@code now} where they changed from {@code current}. */
  public static List<Condition> conditions(
      List<Condition> current, List<Condition> desired, String now) {
    Map<String, Condition> byType =
        Objects.requireNonNullElse(current, List.<Condition>of()).stream()
            .collect(Collectors.toMap(Condition::getType, Function.identity(), (a, b) -> a));
    List<Condition> out = new ArrayList<>();
    for (Condition d : desired) {
      Condition old = byType.get(d.getType());
      String time =
          old != null
                  && Objects.equals(old.getStatus(), d.getStatus())
                  && old.getLastTransitionTime() != null
              ? old.getLastTransitionTime()
              : now;
      out.add(new ConditionBuilder(d).withLastTransitionTime(time).build());
    }
    return out;
  }

  /** The Gateway status to write: {@code desired} with transition times carried over. */
  public static GatewayStatus gateway(GatewayStatus current, GatewayStatus desired, String now) {
    GatewayStatus old = current == null ? new GatewayStatus() : current;
    Map<String, ListenerStatus> oldListeners =
        Objects.requireNonNullElse(old.getListeners(), List.<ListenerStatus>of()).stream()
            .collect(Collectors.toMap(ListenerStatus::getName, Function.identity(), (a, b) -> a));
    List<ListenerStatus> listeners = new ArrayList<>();
    for (ListenerStatus l :
        Objects.requireNonNullElse(desired.getListeners(), List.<ListenerStatus>of())) {
      ListenerStatus was = oldListeners.get(l.getName());
      listeners.add(
          new ListenerStatusBuilder(l)
              .withConditions(
                  conditions(was == null ? null : was.getConditions(), l.getConditions(), now))
              .build());
    }
    return new GatewayStatusBuilder(desired)
        .withConditions(conditions(old.getConditions(), desired.getConditions(), now))
        .withListeners(listeners)
        .build();
  }

  /**
   * The route parents to write: other controllers' entries as they are, then ours from {@code
   * desired} with transition times carried over from the entry for the same parentRef.
   */
  public static List<RouteParentStatus> routeParents(
      List<RouteParentStatus> current,
      List<RouteParentStatus> desired,
      String controllerName,
      String now) {
    List<RouteParentStatus> old = Objects.requireNonNullElse(current, List.of());
    List<RouteParentStatus> out = new ArrayList<>();
    for (RouteParentStatus p : old) {
      if (!controllerName.equals(p.getControllerName())) {
        out.add(p);
      }
    }
    for (RouteParentStatus d : desired) {
      RouteParentStatus was =
          old.stream()
              .filter(p -> controllerName.equals(p.getControllerName()))
              .filter(p -> sameParent(p.getParentRef(), d.getParentRef()))
              .findFirst()
              .orElse(null);
      out.add(
          new RouteParentStatusBuilder(d)
              .withConditions(
                  conditions(was == null ? null : was.getConditions(), d.getConditions(), now))
              .build());
    }
    return out;
  }

  /**
   * The policy ancestors to write: other controllers' entries as they are, then ours from {@code
   * desired} with transition times carried over from the entry for the same ancestorRef.
   */
  public static List<PolicyAncestorStatus> policyAncestors(
      List<PolicyAncestorStatus> current,
      List<PolicyAncestorStatus> desired,
      String controllerName,
      String now) {
    List<PolicyAncestorStatus> old = Objects.requireNonNullElse(current, List.of());
    List<PolicyAncestorStatus> out = new ArrayList<>();
    for (PolicyAncestorStatus a : old) {
      if (!controllerName.equals(a.getControllerName())) {
        out.add(a);
      }
    }
    for (PolicyAncestorStatus d : desired) {
      PolicyAncestorStatus was =
          old.stream()
              .filter(a -> controllerName.equals(a.getControllerName()))
              .filter(a -> sameParent(a.getAncestorRef(), d.getAncestorRef()))
              .findFirst()
              .orElse(null);
      out.add(
          new PolicyAncestorStatusBuilder(d)
              .withConditions(
                  conditions(was == null ? null : was.getConditions(), d.getConditions(), now))
              .build());
    }
    return out;
  }

  private static boolean sameParent(ParentReference a, ParentReference b) {
    return a != null
        && b != null
        && Objects.equals(a.getName(), b.getName())
        && Objects.equals(a.getNamespace(), b.getNamespace())
        && Objects.equals(a.getSectionName(), b.getSectionName())
        && Objects.equals(a.getPort(), b.getPort());
  }
}
