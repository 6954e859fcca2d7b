package dev.agentgateway.control.translate;

import dev.agentgateway.control.gatewayapi.ListenerSet;
import dev.agentgateway.control.gatewayapi.ParentGatewayReference;
import dev.agentgateway.control.xds.cache.GatewayKey;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.AllowedListeners;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerNamespaces;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Merges ListenerSets into their parent Gateways. A Gateway must opt in through {@code
 * spec.allowedListeners} (the default admits none). For conflicts the Gateway's own listeners come
 * first, then ListenerSets oldest first, then by namespace/name.
 */
final class ListenerSets {
  private ListenerSets() {}

  /**
   * Adds the listeners of each allowed ListenerSet to its Gateway's model, and returns a model for
   * every ListenerSet whose parent is one of {@code gateways} (the others are not ours).
   */
  static Map<ObjectKey, ListenerSetModel> attach(
      Map<GatewayKey, GatewayModel> gateways,
      List<ListenerSet> listenerSets,
      Map<String, Map<String, String>> namespaceLabels,
      ListenerCertificates certificates) {
    List<ListenerSet> ordered =
        listenerSets.stream()
            .sorted(
                Comparator.comparing(
                        (ListenerSet l) ->
                            Objects.requireNonNullElse(l.getMetadata().getCreationTimestamp(), ""))
                    .thenComparing(ObjectKey::of))
            .toList();
    Map<ObjectKey, ListenerSetModel> out = new TreeMap<>();
    for (ListenerSet set : ordered) {
      GatewayModel gateway = parent(gateways, set);
      if (gateway == null) {
        continue;
      }
      ObjectKey key = ObjectKey.of(set);
      boolean allowed =
          allowed(
              gateway.gateway.getSpec().getAllowedListeners(),
              gateway.key.namespace(),
              key.namespace(),
              namespaceLabels);
      List<ListenerModel> listeners =
          GatewayListeners.of(
              gateway.key,
              gateway.gateway,
              set,
              key,
              set.getSpec().listeners(),
              List.copyOf(gateway.listeners),
              certificates);
      if (allowed) {
        gateway.listeners.addAll(listeners);
      } else {
        listeners = listeners.stream().map(ListenerSets::unusable).toList();
      }
      out.put(key, new ListenerSetModel(key, set, gateway, allowed, listeners));
    }
    return out;
  }

  private static GatewayModel parent(Map<GatewayKey, GatewayModel> gateways, ListenerSet set) {
    ParentGatewayReference ref = set.getSpec() == null ? null : set.getSpec().parentRef();
    if (ref == null || ref.name() == null) {
      return null;
    }
    String group = Objects.requireNonNullElse(ref.group(), GatewayListeners.GROUP);
    String kind = Objects.requireNonNullElse(ref.kind(), "Gateway");
    if (!group.equals(GatewayListeners.GROUP) || !kind.equals("Gateway")) {
      return null;
    }
    String ns = Objects.requireNonNullElse(ref.namespace(), set.getMetadata().getNamespace());
    return gateways.get(new GatewayKey(ns, ref.name()));
  }

  private static boolean allowed(
      AllowedListeners allowed,
      String gatewayNs,
      String setNs,
      Map<String, Map<String, String>> namespaceLabels) {
    ListenerNamespaces namespaces = allowed == null ? null : allowed.getNamespaces();
    String from =
        namespaces == null || namespaces.getFrom() == null ? "None" : namespaces.getFrom();
    return switch (from) {
      case "All" -> true;
      case "Same" -> gatewayNs.equals(setNs);
      case "Selector" ->
          Selectors.matches(
              namespaces.getSelector(),
              namespaceLabels.getOrDefault(setNs, Map.of("kubernetes.io/metadata.name", setNs)));
      default -> false;
    };
  }

  /** A listener of a ListenerSet its Gateway does not admit: nothing attaches to it. */
  private static ListenerModel unusable(ListenerModel l) {
    return new ListenerModel(
        l.listenerSet(),
        l.name(),
        l.port(),
        l.protocol(),
        l.hostname(),
        l.namespace(),
        null,
        l.supportedKinds(),
        l.namespaces(),
        new ArrayList<>());
  }
}
