package dev.agentgateway.model.config;

import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.Policy;
import dev.agentgateway.model.ir.PolicyTarget;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RoutePolicies;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the top-level {@code policies:} list: policies attached to a gateway (every listener of the
 * file, or one listener by name), a route or one rule of it; {@code phase: gateway} ones run before
 * route selection. Targets must name something the file defines, so a typo is an error rather than
 * a policy that silently reaches nothing.
 */
final class AttachedPolicyReader {
  private static final FieldSet POLICY = FieldSet.of("name target phase policy", "");
  private static final FieldSet NAME = FieldSet.of("name namespace", "");
  private static final FieldSet TARGET = FieldSet.of("gateway route", "backend");
  private static final FieldSet GATEWAY =
      FieldSet.of("gatewayName gatewayNamespace listenerName", "");
  private static final FieldSet ROUTE = FieldSet.of("name namespace ruleName", "");
  private static final List<String> PHASES = List.of("route", "gateway");

  private final PolicyReader policies = new PolicyReader();

  /** The policies, targets resolved against the routes and listeners already read. */
  List<Policy> read(ConfigNode list, Resources resources) {
    List<Policy> out = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    List<ConfigNode> items = list.list();
    for (int i = 0; i < items.size(); i++) {
      Policy p = policy(items.get(i), i, resources, keys);
      if (p != null) {
        out.add(p);
      }
    }
    return out;
  }

  private Policy policy(ConfigNode node, int index, Resources resources, Set<String> keys) {
    if (!node.mapping(POLICY)) {
      return null;
    }
    String name = name(node.field("name"), index);
    ConfigNode phase = node.field("phase");
    String phaseValue = phase.choice(PHASES);
    Policy.Phase ph = "gateway".equals(phaseValue) ? Policy.Phase.GATEWAY : Policy.Phase.ROUTE;
    PolicyTarget target = target(node.field("target"), resources);
    if (ph == Policy.Phase.GATEWAY
        && target != null
        && target.kind() != PolicyTarget.Kind.GATEWAY
        && target.kind() != PolicyTarget.Kind.LISTENER) {
      phase.error("phase \"gateway\" runs before route selection: target a gateway, not a route");
      target = null;
    }
    ConfigNode policyNode = node.field("policy");
    for (String routeOnly : List.of("a2a", "backendAuth")) {
      if (policyNode.field(routeOnly).present()) {
        policyNode.field(routeOnly).error("is not supported yet in top-level policies");
      }
    }
    RoutePolicies policy = policyNode.require() ? policies.read(policyNode) : null;
    if (ph == Policy.Phase.GATEWAY && policy != null) {
      List<String> others = Policy.notInGatewayPhase(policy);
      for (String field : others) {
        // the IR's names are the file's, but for one spelling
        String yaml = field.equals("backendTls") ? "backendTLS" : field;
        policyNode.field(yaml).error("is not supported yet in phase \"gateway\"");
      }
      if (!others.isEmpty()) {
        policy = null;
      }
    }
    String key = "policy/" + name;
    if (!keys.add(key)) {
      node.field("name").error("duplicate policy name \"" + name + "\"");
      return null;
    }
    return target == null || policy == null
        ? null
        : new Policy(key, name, target, policy, ph, Policy.Inheritance.DEFAULT);
  }

  /** {@code name: x} or {@code name: {name, namespace}}; the position when absent. */
  private static String name(ConfigNode node, int index) {
    if (!node.present()) {
      return "policy" + index;
    }
    if (node.isMapping()) {
      node.mapping(NAME);
      String name = node.field("name").requiredText();
      String namespace = node.field("namespace").text();
      return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
    }
    return node.requiredText();
  }

  private static PolicyTarget target(ConfigNode node, Resources resources) {
    if (!node.require() || !node.mapping(TARGET)) {
      return null;
    }
    ConfigNode gateway = node.field("gateway");
    ConfigNode route = node.field("route");
    if (!gateway.present() && !route.present() && node.field("backend").present()) {
      return null; // reported as not supported by the mapping check
    }
    if (gateway.present() == route.present()) {
      node.error("set exactly one of gateway or route");
      return null;
    }
    return gateway.present() ? gateway(gateway, resources) : route(route, resources);
  }

  private static PolicyTarget gateway(ConfigNode node, Resources resources) {
    if (!node.mapping(GATEWAY)) {
      return null;
    }
    // a standalone file is one gateway: its name is accepted and every listener is reached
    node.field("gatewayName").text();
    node.field("gatewayNamespace").text();
    ConfigNode listenerNode = node.field("listenerName");
    String listenerName = listenerNode.text();
    if (listenerName == null) {
      return new PolicyTarget(PolicyTarget.Kind.GATEWAY, "", null);
    }
    List<Listener> named =
        resources.listeners.stream().filter(l -> listenerName.equals(l.name())).toList();
    if (named.size() != 1) {
      listenerNode.error(
          named.isEmpty()
              ? "no listener is named \"" + listenerName + "\""
              : "several listeners are named \"" + listenerName + "\"");
      return null;
    }
    return new PolicyTarget(PolicyTarget.Kind.LISTENER, named.get(0).key(), null);
  }

  private static PolicyTarget route(ConfigNode node, Resources resources) {
    if (!node.mapping(ROUTE)) {
      return null;
    }
    String name = node.field("name").requiredText();
    String namespace = node.field("namespace").text();
    String ns = namespace == null ? "" : namespace;
    ConfigNode ruleNode = node.field("ruleName");
    String rule = ruleNode.text();
    if (name == null) {
      return null;
    }
    List<Route> routes =
        resources.routes.stream()
            .filter(r -> r.name().equals(name) && r.namespace().equals(ns))
            .toList();
    if (routes.isEmpty()) {
      node.field("name")
          .error("no route is named \"" + name + "\"" + (ns.isEmpty() ? "" : " in " + ns));
      return null;
    }
    if (rule != null && routes.stream().noneMatch(r -> rule.equals(r.ruleName()))) {
      ruleNode.error("route \"" + name + "\" has no rule named \"" + rule + "\"");
      return null;
    }
    return new PolicyTarget(PolicyTarget.Kind.ROUTE, ns + "/" + name, rule);
  }
}
