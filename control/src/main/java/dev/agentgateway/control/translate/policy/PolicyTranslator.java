package dev.agentgateway.control.translate.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentgateway.control.translate.Inputs;
import dev.agentgateway.control.translate.ObjectKey;
import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.crds.backend.AgentgatewayBackend;
import dev.agentgateway.crds.policy.AgentgatewayPolicy;
import dev.agentgateway.crds.policy.AgentgatewayPolicySpec;
import dev.agentgateway.crds.policy.Inheritance;
import dev.agentgateway.crds.policy.TargetRef;
import dev.agentgateway.model.ir.FrontendPolicies;
import dev.agentgateway.model.ir.Policy;
import dev.agentgateway.model.ir.RoutePolicies;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.PolicyAncestorStatus;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Translates AgentgatewayPolicies: each valid one becomes one IR {@link Policy} per resolved target
 * in the IR of every Gateway that target affects; every one gets its ancestor status. A policy with
 * an invalid field (a CEL expression that does not compile, a value the IR refuses, a broken
 * attachment rule) or a field not supported yet is not applied at all, since applying part of it
 * could let through what it was written to stop; other policies are unaffected.
 */
public final class PolicyTranslator {
  private final PolicyCluster cluster;
  private final PolicyTargets targets;
  private final String controllerName;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * The result.
   *
   * @param policies per Gateway of ours, the IR policies to publish with its other resources
   * @param statuses per AgentgatewayPolicy, the ancestor entries this controller owns
   */
  public record Result(
      Map<GatewayKey, List<Policy>> policies, Map<ObjectKey, List<PolicyAncestorStatus>> statuses) {
    public Result {
      policies = Map.copyOf(policies);
      statuses = Map.copyOf(statuses);
    }

    /** The IR policies for {@code gateway}, possibly none. */
    public List<Policy> of(GatewayKey gateway) {
      return policies.getOrDefault(gateway, List.of());
    }
  }

  private PolicyTranslator(
      Inputs inputs, Set<String> classes, Function<AgentgatewayBackend, String> backendName) {
    this.cluster = new PolicyCluster(inputs, classes, backendName);
    this.targets = new PolicyTargets(cluster);
    this.controllerName = inputs.controllerName();
  }

  /**
   * Translates every policy of {@code inputs}.
   *
   * @param classes the GatewayClasses of this controller
   * @param backendName an AgentgatewayBackend's IR backend name, or null when it is refused
   */
  public static Result translate(
      Inputs inputs, Set<String> classes, Function<AgentgatewayBackend, String> backendName) {
    PolicyTranslator t = new PolicyTranslator(inputs, classes, backendName);
    Map<GatewayKey, List<Policy>> ir = new HashMap<>();
    Map<ObjectKey, List<PolicyAncestorStatus>> statuses = new TreeMap<>();
    List<AgentgatewayPolicy> sorted =
        inputs.policies().stream().sorted(java.util.Comparator.comparing(ObjectKey::of)).toList();
    for (AgentgatewayPolicy p : sorted) {
      statuses.put(ObjectKey.of(p), t.translate(p, ir));
    }
    Map<GatewayKey, List<Policy>> frozen = new HashMap<>();
    ir.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
    return new Result(frozen, statuses);
  }

  private List<PolicyAncestorStatus> translate(
      AgentgatewayPolicy policy, Map<GatewayKey, List<Policy>> ir) {
    PolicyStatuses status = new PolicyStatuses(policy, controllerName);
    AgentgatewayPolicySpec spec = policy.getSpec();
    if (spec == null) {
      return status.refused(Set.of(), List.of(), "Invalid", "spec is required");
    }
    String namespace = policy.getMetadata().getNamespace();
    List<String> errors = new ArrayList<>(PolicyTargets.violations(spec));
    JsonNode tree = json.valueToTree(spec);
    for (SpecWalk.Expression e : SpecWalk.expressions(tree)) {
      String problem = CelCheck.shared().problem(e.text());
      if (problem != null) {
        errors.add(e.path() + ": invalid CEL expression: " + problem);
      }
    }
    Set<String> unmapped = SpecWalk.unmapped(tree);
    Set<String> blocking = new TreeSet<>(unmapped);
    blocking.removeAll(SpecWalk.ADVISORY);
    PolicyFields fields = new PolicyFields(json, namespace, cluster);
    RoutePolicies mapped = errors.isEmpty() ? fields.map(spec.traffic(), spec.backend()) : null;
    errors.addAll(fields.errors());
    Policy.Phase phase = PolicyTargets.preRouting(spec) ? Policy.Phase.GATEWAY : Policy.Phase.ROUTE;
    if (mapped != null && phase == Policy.Phase.GATEWAY) {
      List<String> early = Policy.notInGatewayPhase(mapped);
      if (!early.isEmpty()) {
        errors.add(
            "traffic.phase: PreRouting is not supported yet with "
                + String.join(", ", early)
                + " (it runs "
                + String.join(", ", Policy.GATEWAY_PHASE_FIELDS)
                + ")");
      }
    }
    Policy.Inheritance inheritance =
        spec.strategy() != null && spec.strategy().inheritance() == Inheritance.OVERRIDE
            ? Policy.Inheritance.OVERRIDE
            : Policy.Inheritance.DEFAULT;
    FrontendPolicies frontend =
        errors.isEmpty() ? new FrontendFields(namespace, errors).map(spec.frontend()) : null;

    // Resolve targets whatever the outcome: status names the Gateways even of a refused policy.
    List<PolicyTargets.Resolved> resolved = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<TargetRef> refs = spec.targetRefs() == null ? List.of() : spec.targetRefs();
    if (PolicyTargets.violations(spec).isEmpty()) {
      for (TargetRef ref : refs) {
        PolicyTargets.Outcome o = targets.resolve(namespace, ref);
        resolved.addAll(o.resolved());
        if (o.missing() != null) {
          missing.add(o.missing());
        }
      }
    }
    Set<GatewayKey> ancestors = new TreeSet<>(GatewayKeys.ORDER);
    resolved.forEach(r -> ancestors.addAll(r.gateways()));

    // Every problem at once, so one edit can fix them all; a field the mapping already named is
    // not named twice.
    blocking.removeIf(b -> errors.stream().anyMatch(e -> e.startsWith(b + ":")));
    if (!blocking.isEmpty()) {
      errors.add(
          "not supported yet: "
              + String.join(", ", blocking)
              + "; the policy is not applied, since applying only part of it could weaken it");
    }
    if (!errors.isEmpty()) {
      return status.refused(ancestors, missing, "Invalid", String.join("; ", errors));
    }
    String name = namespace + "/" + policy.getMetadata().getName();
    for (PolicyTargets.Resolved r : resolved) {
      String key =
          name
              + ":"
              + r.target().kind().name().toLowerCase(Locale.ROOT)
              + ":"
              + r.target().name()
              + (r.target().section() == null ? "" : ":" + r.target().section());
      Policy p = new Policy(key, name, r.target(), mapped, phase, inheritance, frontend);
      r.gateways().forEach(g -> ir.computeIfAbsent(g, x -> new ArrayList<>()).add(p));
    }
    Set<String> ignored = new TreeSet<>(unmapped);
    ignored.retainAll(SpecWalk.ADVISORY);
    return ignored.isEmpty()
        ? status.accepted(ancestors, missing, "Valid", "Policy accepted")
        : status.accepted(
            ancestors,
            missing,
            "PartiallyValid",
            "Policy accepted; ignored, not supported yet: " + String.join(", ", ignored));
  }
}
