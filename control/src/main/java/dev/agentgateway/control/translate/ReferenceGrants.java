package dev.agentgateway.control.translate;

import io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.ReferenceGrant;
import java.util.List;
import java.util.Objects;

/** Whether a ReferenceGrant lets an object in one namespace refer to one in another. */
final class ReferenceGrants {
  private final List<ReferenceGrant> grants;

  ReferenceGrants(List<ReferenceGrant> grants) {
    this.grants = grants;
  }

  /**
   * True when {@code fromKind} objects of {@code fromGroup} in {@code fromNamespace} may refer to
   * the {@code toKind} named {@code toName} in {@code toNamespace}; same-namespace refs need none.
   */
  boolean allows(
      String fromGroup,
      String fromKind,
      String fromNamespace,
      String toGroup,
      String toKind,
      String toNamespace,
      String toName) {
    if (fromNamespace.equals(toNamespace)) {
      return true;
    }
    for (ReferenceGrant grant : grants) {
      if (!toNamespace.equals(grant.getMetadata().getNamespace()) || grant.getSpec() == null) {
        continue;
      }
      boolean from =
          grant.getSpec().getFrom().stream()
              .anyMatch(
                  f ->
                      group(f.getGroup()).equals(fromGroup)
                          && fromKind.equals(f.getKind())
                          && fromNamespace.equals(f.getNamespace()));
      boolean to =
          grant.getSpec().getTo().stream()
              .anyMatch(
                  t ->
                      group(t.getGroup()).equals(toGroup)
                          && toKind.equals(t.getKind())
                          && (t.getName() == null
                              || t.getName().isEmpty()
                              || t.getName().equals(toName)));
      if (from && to) {
        return true;
      }
    }
    return false;
  }

  private static String group(String group) {
    return Objects.requireNonNullElse(group, "");
  }
}
