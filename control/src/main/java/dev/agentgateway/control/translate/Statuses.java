package dev.agentgateway.control.translate;

import dev.agentgateway.control.gatewayapi.ListenerSetStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClassStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClassStatusBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayStatusBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerStatusBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.SupportedFeature;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The statuses of GatewayClasses, Gateways and ListenerSets, once routes are attached. */
final class Statuses {
  private Statuses() {}

  static GatewayClassStatus gatewayClass(GatewayClass c, List<String> supportedFeatures) {
    return new GatewayClassStatusBuilder()
        .withConditions(
            Conditions.of(
                c, "Accepted", true, "Accepted", "Accepted by " + c.getSpec().getControllerName()))
        .withSupportedFeatures(
            supportedFeatures.stream()
                .map(
                    n -> {
                      var f = new SupportedFeature();
                      f.setName(n);
                      return f;
                    })
                .toList())
        .build();
  }

  /**
   * A Gateway's status. {@code attachedListenerSets} is missing from the fabric8 model, so it goes
   * in as an additional property, and only on Gateways that allow ListenerSets.
   */
  static GatewayStatus gateway(GatewayModel g, Collection<ListenerSetModel> listenerSets) {
    Gateway gw = g.gateway;
    List<Condition> conditions = new ArrayList<>();
    conditions.add(
        g.accepted()
            ? Conditions.of(gw, "Accepted", true, "Accepted", "Gateway is accepted")
            : Conditions.of(
                gw, "Accepted", false, "InvalidParameters", g.infrastructure.parametersError()));
    conditions.add(
        !g.accepted()
            ? Conditions.of(gw, "Programmed", false, "Invalid", "Gateway is not accepted")
            : g.programmed()
                ? Conditions.of(gw, "Programmed", true, "Programmed", "Proxy is available")
                : Conditions.of(
                    gw,
                    "Programmed",
                    false,
                    "Pending",
                    "Waiting for the proxy Deployment to become available"));
    GatewayStatus status =
        new GatewayStatusBuilder()
            .withAddresses(g.infrastructure.addresses())
            .withConditions(conditions)
            .withListeners(
                listeners(
                    gw, g, g.listeners.stream().filter(l -> l.listenerSet() == null).toList()))
            .build();
    if (gw.getSpec().getAllowedListeners() != null) {
      long attached =
          listenerSets.stream()
              .filter(s -> s.gateway() == g)
              .filter(ListenerSetModel::accepted)
              .count();
      status.setAdditionalProperty("attachedListenerSets", attached);
    }
    return status;
  }

  static ListenerSetStatus listenerSet(ListenerSetModel set) {
    HasMetadata ls = set.listenerSet();
    GatewayModel g = set.gateway();
    Condition accepted;
    if (!g.accepted()) {
      accepted =
          Conditions.of(ls, "Accepted", false, "ParentNotAccepted", "Gateway is not accepted");
    } else if (!set.allowed()) {
      accepted =
          Conditions.of(
              ls,
              "Accepted",
              false,
              "NotAllowed",
              "Gateway "
                  + g.key
                  + " does not allow ListenerSets from namespace "
                  + set.key().namespace());
    } else if (!set.accepted()) {
      accepted = Conditions.of(ls, "Accepted", false, "ListenersNotValid", "No listener is valid");
    } else {
      accepted = Conditions.of(ls, "Accepted", true, "Accepted", "ListenerSet is accepted");
    }
    Condition programmed =
        !set.accepted()
            ? Conditions.of(ls, "Programmed", false, "Invalid", "ListenerSet is not accepted")
            : g.programmed()
                ? Conditions.of(ls, "Programmed", true, "Programmed", "Proxy is available")
                : Conditions.of(ls, "Programmed", false, "Pending", "Waiting for the proxy");
    return new ListenerSetStatus(
        List.of(accepted, programmed),
        set.allowed() ? listeners(ls, g, set.listeners()) : List.of());
  }

  private static List<ListenerStatus> listeners(
      HasMetadata owner, GatewayModel g, List<ListenerModel> models) {
    List<ListenerStatus> out = new ArrayList<>();
    for (ListenerModel l : models) {
      List<Condition> lc = new ArrayList<>(l.conditions());
      lc.add(
          !l.usable()
              ? Conditions.of(owner, "Programmed", false, "Invalid", "Listener is not valid")
              : g.programmed()
                  ? Conditions.of(owner, "Programmed", true, "Programmed", "Listener is programmed")
                  : Conditions.of(owner, "Programmed", false, "Pending", "Waiting for the proxy"));
      out.add(
          new ListenerStatusBuilder()
              .withName(l.name())
              .withAttachedRoutes(g.attachedRoutes.getOrDefault(l.id(), 0))
              .withSupportedKinds(l.supportedKinds())
              .withConditions(lc)
              .build());
    }
    return out;
  }
}
