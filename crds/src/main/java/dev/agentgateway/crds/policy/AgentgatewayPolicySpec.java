package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentgateway.crds.common.BackendPolicies;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The desired state of an AgentgatewayPolicy. */
@ValidationRule(
    value = "has(self.traffic) || has(self.frontend) || has(self.backend)",
    message = "At least one of traffic, frontend, or backend must be provided.")
@ValidationRule(
    value =
        "has(self.frontend) && has(self.targetRefs) ? self.targetRefs.all(t, t.kind == 'Gateway') : true",
    message = "the 'frontend' field can only target a Gateway")
@ValidationRule(
    value =
        "has(self.frontend) && (has(self.frontend.tcp) || has(self.frontend.tls) || has(self.frontend.http)) && has(self.targetRefs) ? self.targetRefs.all(t, !has(t.sectionName)) : true",
    message =
        "frontend tcp, networkAuthorization, tls, http, proxyProtocol, and connect policies may only target a Gateway or port, not a listener (sectionName)")
@ValidationRule(
    value =
        "has(self.targetRefs) && self.targetRefs.exists(t, has(t.port)) ? (has(self.frontend) && !has(self.traffic) && !has(self.backend)) : true",
    message = "port may only be set on frontend-only policies (not traffic or backend)")
@ValidationRule(
    value =
        "has(self.traffic) && has(self.targetRefs) ? self.targetRefs.all(t, t.kind in ['Gateway', 'HTTPRoute', 'GRPCRoute', 'ListenerSet', 'InferencePool']) : true",
    message =
        "the 'traffic' field can only target a Gateway, ListenerSet, GRPCRoute, HTTPRoute, or InferencePool")
@ValidationRule(
    value =
        "has(self.targetRefs) && has(self.traffic) && has(self.traffic.phase) && self.traffic.phase == 'PreRouting' ? self.targetRefs.all(t, t.kind in ['Gateway', 'ListenerSet']) : true",
    message = "the 'traffic.phase=PreRouting' field can only target a Gateway or ListenerSet")
@ValidationRule(
    value =
        "!has(self.targetRefs) || self.targetRefs.all(t, t.kind != 'Service' || !has(t.sectionName) || (int(t.sectionName) >= 1 && int(t.sectionName) <= 65535))",
    message = "Service sectionName must be a numeric port from 1 to 65535")
@ValidationRule(
    value = "has(self.targetRefs)",
    message = "exactly one of the fields in [targetRefs targetSelectors] must be set")
@ValidationRule(
    value =
        "!has(self.targetRefs) || (self.targetRefs.all(r, (r.kind == 'Service' && r.group == '') || (r.kind == 'AgentgatewayBackend' && r.group == 'agentgateway.dev') || (r.kind in ['Gateway', 'HTTPRoute', 'GRPCRoute'] && r.group == 'gateway.networking.k8s.io') || (r.kind == 'ListenerSet' && r.group == 'gateway.networking.k8s.io') || (r.kind == 'InferencePool' && r.group == 'inference.networking.k8s.io')))",
    message =
        "targetRefs may only reference Gateway, HTTPRoute, GRPCRoute, ListenerSet, Service, AgentgatewayBackend, or InferencePool resources")
@ValidationRule(
    value =
        "!has(self.targetRefs) || (self.targetRefs.all(l1, !self.targetRefs.exists(l2, l1.kind != l2.kind)))",
    message = "Only one Kind of targetRef can be set on one policy")
@ValidationRule(
    value =
        "!has(self.strategy) || !has(self.strategy.inheritance) || (has(self.traffic) && !has(self.frontend) && !has(self.backend))",
    message = "strategy.inheritance may only be set on traffic policies")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentgatewayPolicySpec(
    BackendPolicies backend,
    @Size(min = 1, max = 16) List<TargetRef> targetRefs,
    TrafficPolicy traffic,
    Strategy strategy,
    Frontend frontend) {

  /** A spec with only targets and the traffic and backend sections. */
  public AgentgatewayPolicySpec(
      BackendPolicies backend, List<TargetRef> targetRefs, TrafficPolicy traffic) {
    this(backend, targetRefs, traffic, null, null);
  }
}
