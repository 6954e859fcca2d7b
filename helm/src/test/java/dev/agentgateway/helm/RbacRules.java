package dev.agentgateway.helm;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.api.model.rbac.RoleRef;
import io.fabric8.kubernetes.api.model.rbac.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The permissions a ServiceAccount gets from rendered Roles, ClusterRoles and their bindings,
 * evaluated as Kubernetes RBAC does: a ClusterRole bound by a ClusterRoleBinding applies
 * everywhere, one bound by a RoleBinding only in that binding's namespace, a Role only in its own.
 */
final class RbacRules {

  /**
   * One permission: a verb on a group's resource, limited to some names (empty: any), in one
   * namespace (null: cluster-wide), granted by {@code role}.
   */
  record Grant(
      String role,
      String verb,
      String group,
      String resource,
      List<String> names,
      String namespace) {

    boolean allows(ApiCall call) {
      if (call.isNonResource()) {
        return false;
      }
      return (verb.equals("*") || verb.equals(call.verb()))
          && (group.equals("*") || group.equals(call.group()))
          && (resource.equals("*") || resource.equals(call.resource()))
          && (names.isEmpty() || (call.name() != null && names.contains(call.name())))
          && (namespace == null || namespace.equals(call.namespace()));
    }

    @Override
    public String toString() {
      return role
          + ": "
          + verb
          + " "
          + (group.isEmpty() ? "core" : group)
          + "/"
          + resource
          + (names.isEmpty() ? "" : " named " + String.join(",", names))
          + (namespace == null ? "" : " in " + namespace);
    }
  }

  private final List<Grant> grants;

  private RbacRules(List<Grant> grants) {
    this.grants = List.copyOf(grants);
  }

  /** What {@code serviceAccount} in {@code namespace} may do under {@code objects}' RBAC. */
  static RbacRules of(List<HasMetadata> objects, String namespace, String serviceAccount) {
    Map<String, ClusterRole> clusterRoles =
        objects.stream()
            .filter(ClusterRole.class::isInstance)
            .map(ClusterRole.class::cast)
            .collect(Collectors.toMap(r -> r.getMetadata().getName(), Function.identity()));
    Map<String, Role> roles =
        objects.stream()
            .filter(Role.class::isInstance)
            .map(Role.class::cast)
            .collect(
                Collectors.toMap(
                    r -> r.getMetadata().getNamespace() + "/" + r.getMetadata().getName(),
                    Function.identity()));
    List<Grant> grants = new ArrayList<>();
    for (HasMetadata object : objects) {
      if (object instanceof ClusterRoleBinding b
          && binds(b.getSubjects(), namespace, serviceAccount)) {
        ClusterRole role = required(clusterRoles.get(b.getRoleRef().getName()), b.getRoleRef());
        add(grants, role.getMetadata().getName(), role.getRules(), null);
      } else if (object instanceof RoleBinding b
          && binds(b.getSubjects(), namespace, serviceAccount)) {
        String bindingNs = b.getMetadata().getNamespace();
        RoleRef ref = b.getRoleRef();
        List<PolicyRule> rules =
            ref.getKind().equals("ClusterRole")
                ? required(clusterRoles.get(ref.getName()), ref).getRules()
                : required(roles.get(bindingNs + "/" + ref.getName()), ref).getRules();
        add(grants, ref.getName(), rules, bindingNs);
      }
    }
    return new RbacRules(grants);
  }

  private static <T> T required(T role, RoleRef ref) {
    if (role == null) {
      throw new IllegalStateException(
          "binding refers to a "
              + ref.getKind()
              + " "
              + ref.getName()
              + " the chart does not render");
    }
    return role;
  }

  private static boolean binds(List<Subject> subjects, String namespace, String serviceAccount) {
    return subjects != null
        && subjects.stream()
            .anyMatch(
                s ->
                    "ServiceAccount".equals(s.getKind())
                        && serviceAccount.equals(s.getName())
                        && namespace.equals(s.getNamespace()));
  }

  private static void add(
      List<Grant> grants, String role, List<PolicyRule> rules, String namespace) {
    for (PolicyRule rule : rules) {
      List<String> names = rule.getResourceNames() == null ? List.of() : rule.getResourceNames();
      for (String group : rule.getApiGroups()) {
        for (String resource : rule.getResources()) {
          for (String verb : rule.getVerbs()) {
            grants.add(new Grant(role, verb, group, resource, names, namespace));
          }
        }
      }
    }
  }

  /** Every permission, one verb on one resource each. */
  List<Grant> grants() {
    return grants;
  }

  /** Whether some permission allows {@code call}. */
  boolean allows(ApiCall call) {
    return grants.stream().anyMatch(g -> g.allows(call));
  }
}
