package dev.agentgateway.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.control.config.ControllerSettings;
import org.junit.jupiter.api.Test;

class LeaseNameTest {

  @Test
  void theDefaultControllerKeepsThePlainLeaseName() {
    assertEquals(
        "agentgateway-controller",
        LeaderElection.leaseName(ControllerSettings.DEFAULT_CONTROLLER_NAME));
  }

  @Test
  void otherControllerNamesGetTheirOwnValidLease() {
    assertEquals(
        "agentgateway-controller-example-com-team-a",
        LeaderElection.leaseName("example.com/Team-A"));
    String a = LeaderElection.leaseName("example.com/" + "x".repeat(80) + "/a");
    String b = LeaderElection.leaseName("example.com/" + "x".repeat(80) + "/b");
    assertNotEquals(a, b);
    for (String name : new String[] {a, b}) {
      assertTrue(name.length() <= 63, name);
      assertTrue(name.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?"), name);
    }
  }
}
