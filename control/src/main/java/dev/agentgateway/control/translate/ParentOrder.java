package dev.agentgateway.control.translate;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import java.util.List;
import java.util.Objects;

/** Where a route's status parent entry stands among the route's parentRefs. */
public final class ParentOrder {
  private ParentOrder() {}

  /**
   * The index in {@code refs} (a route's spec parentRefs, in {@code routeNamespace}) of the ref
   * {@code parent} reports on; {@code refs.size()} when none matches.
   */
  public static int index(
      String routeNamespace, List<ParentReference> refs, RouteParentStatus parent) {
    ParentReference p = parent.getParentRef();
    List<ParentReference> all = Objects.requireNonNullElse(refs, List.of());
    for (int i = 0; i < all.size(); i++) {
      ParentReference r = all.get(i);
      if (Objects.equals(r.getName(), p.getName())
          && Objects.requireNonNullElse(r.getNamespace(), routeNamespace).equals(p.getNamespace())
          && Objects.requireNonNullElse(r.getKind(), "Gateway")
              .equals(Objects.requireNonNullElse(p.getKind(), "Gateway"))
          && Objects.equals(r.getSectionName(), p.getSectionName())
          && Objects.equals(r.getPort(), p.getPort())) {
        return i;
      }
    }
    return all.size();
  }
}
