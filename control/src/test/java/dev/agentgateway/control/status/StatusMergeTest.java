package dev.agentgateway.control.status;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReferenceBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.PolicyAncestorStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.PolicyAncestorStatusBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatus;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.RouteParentStatusBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatusMergeTest {
  private static final String OURS = "agentgateway.dev/agentgateway";
  private static final String T0 = "2026-01-01T00:00:00Z";
  private static final String NOW = "2026-11-28T00:00:00Z";

  private static Condition condition(String type, String status, String time) {
    return new ConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(type)
        .withLastTransitionTime(time)
        .build();
  }

  @Test
  void unchangedConditionKeepsItsTransitionTime() {
    List<Condition> merged =
        StatusMerge.conditions(
            List.of(condition("Accepted", "True", T0), condition("Programmed", "False", T0)),
            List.of(condition("Accepted", "True", null), condition("Programmed", "True", null)),
            NOW);
    assertEquals(T0, merged.get(0).getLastTransitionTime());
    assertEquals(NOW, merged.get(1).getLastTransitionTime());
  }

  @Test
  void otherControllersRouteParentsStay() {
    RouteParentStatus theirs = parent("istio.io/gateway-controller", "their-gw", T0);
    RouteParentStatus oursOld = parent(OURS, "gw", T0);
    RouteParentStatus oursNew = parent(OURS, "gw", null);
    List<RouteParentStatus> merged =
        StatusMerge.routeParents(List.of(theirs, oursOld), List.of(oursNew), OURS, NOW);
    assertEquals(2, merged.size());
    assertEquals(theirs, merged.get(0));
    assertEquals(T0, merged.get(1).getConditions().get(0).getLastTransitionTime());
  }

  @Test
  void otherControllersPolicyAncestorsStayAndOursKeepTheirTransitionTimes() {
    PolicyAncestorStatus theirs = ancestor("kgateway.dev/kgateway", "their-gw", T0);
    PolicyAncestorStatus oursOld = ancestor(OURS, "gw", T0);
    PolicyAncestorStatus oursNew = ancestor(OURS, "gw", null);
    PolicyAncestorStatus oursAdded = ancestor(OURS, "gw2", null);
    List<PolicyAncestorStatus> merged =
        StatusMerge.policyAncestors(
            List.of(theirs, oursOld), List.of(oursNew, oursAdded), OURS, NOW);
    assertEquals(3, merged.size());
    assertEquals(theirs, merged.get(0));
    assertEquals(T0, merged.get(1).getConditions().get(0).getLastTransitionTime());
    assertEquals(NOW, merged.get(2).getConditions().get(0).getLastTransitionTime());
  }

  private static PolicyAncestorStatus ancestor(String controller, String gateway, String time) {
    return new PolicyAncestorStatusBuilder()
        .withControllerName(controller)
        .withAncestorRef(
            new ParentReferenceBuilder().withName(gateway).withNamespace("default").build())
        .withConditions(condition("Accepted", "True", time))
        .build();
  }

  private static RouteParentStatus parent(String controller, String gateway, String time) {
    return new RouteParentStatusBuilder()
        .withControllerName(controller)
        .withParentRef(
            new ParentReferenceBuilder().withName(gateway).withNamespace("default").build())
        .withConditions(condition("Accepted", "True", time))
        .build();
  }
}
