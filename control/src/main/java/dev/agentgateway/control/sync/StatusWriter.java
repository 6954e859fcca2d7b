package dev.agentgateway.control.sync;

import dev.agentgateway.control.gatewayapi.ListenerSet;
import dev.agentgateway.control.gatewayapi.ListenerSetStatus;
import dev.agentgateway.control.status.StatusMerge;
import dev.agentgateway.control.translate.ObjectKey;
import dev.agentgateway.control.translate.Translation;
import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.crds.backend.AgentgatewayBackend;
import dev.agentgateway.crds.backend.AgentgatewayBackendStatus;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRouteStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClassStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClassStatusBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerStatusBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BiConsumer;

/**
 * Writes a translation's statuses, each only when it differs from what the object already has, so
 * an unchanged world costs no API calls. A failed write is logged and retried by the next
 * translation; it never stops the others.
 */
final class StatusWriter {
  private static final System.Logger LOG = System.getLogger(StatusWriter.class.getName());

  private final KubernetesClient client;
  private final ClusterCache cache;
  private final String controllerName;
  private final LongAdder writes = new LongAdder();

  StatusWriter(KubernetesClient client, ClusterCache cache, String controllerName) {
    this.client = client;
    this.cache = cache;
    this.controllerName = controllerName;
  }

  long writes() {
    return writes.sum();
  }

  void write(Translation t) {
    String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    t.gatewayClasses().forEach((name, status) -> gatewayClass(name, status, now));
    t.gateways().forEach((key, status) -> gateway(key, status, now));
    t.httpRoutes().forEach((key, parents) -> httpRoute(key, parents, now));
    t.grpcRoutes().forEach((key, parents) -> grpcRoute(key, parents, now));
    t.backends().forEach((key, status) -> backend(key, status, now));
    t.listenerSets().forEach((key, status) -> listenerSet(key, status, now));
  }

  private void listenerSet(ObjectKey key, ListenerSetStatus desired, String now) {
    ListenerSet current = cache.get(ListenerSet.class, key.namespace(), key.name());
    if (current == null) {
      return;
    }
    ListenerSetStatus old = current.getStatus();
    Map<String, ListenerStatus> oldListeners = new HashMap<>();
    if (old != null && old.listeners() != null) {
      old.listeners().forEach(l -> oldListeners.putIfAbsent(l.getName(), l));
    }
    List<ListenerStatus> listeners =
        desired.listeners().stream()
            .map(
                l -> {
                  ListenerStatus was = oldListeners.get(l.getName());
                  return new ListenerStatusBuilder(l)
                      .withConditions(
                          StatusMerge.conditions(
                              was == null ? null : was.getConditions(), l.getConditions(), now))
                      .build();
                })
            .toList();
    ListenerSetStatus next =
        new ListenerSetStatus(
            StatusMerge.conditions(
                old == null ? null : old.conditions(), desired.conditions(), now),
            listeners);
    if (!next.equals(old)) {
      update(
          "ListenerSet " + key,
          () ->
              client
                  .resources(ListenerSet.class)
                  .inNamespace(key.namespace())
                  .withName(key.name())
                  .editStatus(
                      l -> {
                        l.setStatus(next);
                        return l;
                      }));
    }
  }

  private void backend(ObjectKey key, List<Condition> desired, String now) {
    AgentgatewayBackend current = cache.get(AgentgatewayBackend.class, key.namespace(), key.name());
    if (current == null) {
      return;
    }
    // Our CRD types carry their own Condition record; merge as fabric8 conditions, as for the rest.
    KubernetesSerialization json = client.getKubernetesSerialization();
    AgentgatewayBackendStatus old = current.getStatus();
    List<Condition> oldConditions =
        old == null || old.conditions() == null
            ? null
            : old.conditions().stream().map(c -> json.convertValue(c, Condition.class)).toList();
    AgentgatewayBackendStatus next =
        new AgentgatewayBackendStatus(
            StatusMerge.conditions(oldConditions, desired, now).stream()
                .map(c -> json.convertValue(c, dev.agentgateway.crds.common.Condition.class))
                .toList());
    if (!next.equals(old)) {
      update(
          "AgentgatewayBackend " + key,
          () ->
              client
                  .resources(AgentgatewayBackend.class)
                  .inNamespace(key.namespace())
                  .withName(key.name())
                  .editStatus(
                      b -> {
                        b.setStatus(next);
                        return b;
                      }));
    }
  }

  private void gatewayClass(String name, GatewayClassStatus desired, String now) {
    GatewayClass current = cache.get(GatewayClass.class, null, name);
    if (current == null) {
      return;
    }
    GatewayClassStatus old = current.getStatus();
    GatewayClassStatus next =
        new GatewayClassStatusBuilder(desired)
            .withConditions(
                StatusMerge.conditions(
                    old == null ? null : old.getConditions(), desired.getConditions(), now))
            .build();
    if (!next.equals(old)) {
      update(
          "GatewayClass " + name,
          () ->
              client
                  .resources(GatewayClass.class)
                  .withName(name)
                  .editStatus(
                      c -> {
                        c.setStatus(next);
                        return c;
                      }));
    }
  }

  private void gateway(GatewayKey key, GatewayStatus desired, String now) {
    Gateway current = cache.get(Gateway.class, key.namespace(), key.name());
    if (current == null) {
      return;
    }
    GatewayStatus next = StatusMerge.gateway(current.getStatus(), desired, now);
    if (!next.equals(current.getStatus())) {
      update(
          "Gateway " + key,
          () ->
              client
                  .resources(Gateway.class)
                  .inNamespace(key.namespace())
                  .withName(key.name())
                  .editStatus(
                      g -> {
                        g.setStatus(next);
                        return g;
                      }));
    }
  }

  private void httpRoute(ObjectKey key, List<RouteParentStatus> parents, String now) {
    HTTPRoute current = cache.get(HTTPRoute.class, key.namespace(), key.name());
    if (current != null) {
      route(
          HTTPRoute.class,
          key,
          current.getStatus() == null ? null : current.getStatus().getParents(),
          parents,
          now,
          (r, next) -> r.setStatus(new HTTPRouteStatus(next)));
    }
  }

  private void grpcRoute(ObjectKey key, List<RouteParentStatus> parents, String now) {
    GRPCRoute current = cache.get(GRPCRoute.class, key.namespace(), key.name());
    if (current != null) {
      route(
          GRPCRoute.class,
          key,
          current.getStatus() == null ? null : current.getStatus().getParents(),
          parents,
          now,
          (r, next) -> r.setStatus(new GRPCRouteStatus(next)));
    }
  }

  /** Writes a route's parents when they differ from {@code old}, keeping others' entries. */
  private <R extends HasMetadata> void route(
      Class<R> type,
      ObjectKey key,
      List<RouteParentStatus> old,
      List<RouteParentStatus> ours,
      String now,
      BiConsumer<R, List<RouteParentStatus>> setStatus) {
    List<RouteParentStatus> next = StatusMerge.routeParents(old, ours, controllerName, now);
    if (!next.equals(old)) {
      update(
          type.getSimpleName() + " " + key,
          () ->
              client
                  .resources(type)
                  .inNamespace(key.namespace())
                  .withName(key.name())
                  .editStatus(
                      r -> {
                        setStatus.accept(r, next);
                        return r;
                      }));
    }
  }

  private void update(String what, Runnable write) {
    try {
      write.run();
      writes.increment();
    } catch (KubernetesClientException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "cannot write status of " + what + ": " + e.getCode() + " " + e.getMessage());
    }
  }
}
