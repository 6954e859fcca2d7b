package dev.agentgateway.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.control.config.ControllerSettings;
import dev.agentgateway.control.testing.GatewayApiObjects;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * Two controller replicas on one API server: exactly one holds the Lease and writes status; both
 * serve xDS; when the leader stops, the other takes over and status keeps being written.
 */
@EnableKubernetesMockClient(crud = true)
class LeaderElectionIT {
  private static final Duration WAIT = Duration.ofSeconds(40);

  KubernetesClient client;

  private ControllerRuntime replica(String pod) {
    ControllerSettings settings =
        ControllerSettings.fromEnv(Map.of()).withPorts(0, 0, 0).withLeaderElection(true);
    return ControllerRuntime.start(
        settings, Map.of("AGW_XDS_AUTH", "false", "POD_NAME", pod), client, false, () -> {});
  }

  @Test
  void oneReplicaLeadsAndAnotherTakesOverWhenItStops() throws Exception {
    ControllerRuntime a = replica("replica-a");
    ControllerRuntime b = replica("replica-b");
    try {
      assertTrue(eventually(() -> a.leading() || b.leading()), "someone leads");
      assertTrue(!(a.leading() && b.leading()), "never both");
      ControllerRuntime leader = a.leading() ? a : b;
      ControllerRuntime follower = leader == a ? b : a;
      Lease lease =
          client.leases().inNamespace("agentgateway-system").withName(LeaderElection.LEASE).get();
      assertNotNull(lease);
      assertEquals(leader == a ? "replica-a" : "replica-b", lease.getSpec().getHolderIdentity());
      assertTrue(eventually(() -> follower.syncer().translations() > 0), "followers translate too");

      gateway("before");
      assertTrue(eventually(() -> accepted("before")), "the leader writes status");

      leader.close();
      assertTrue(eventually(follower::leading), "the follower takes over");
      gateway("after");
      assertTrue(eventually(() -> accepted("after")), "the new leader writes status");
    } finally {
      a.close();
      b.close();
    }
  }

  private void gateway(String name) {
    client.resource(GatewayApiObjects.httpGateway("apps", name, 8080)).create();
  }

  private boolean accepted(String name) {
    Gateway g = client.resources(Gateway.class).inNamespace("apps").withName(name).get();
    return g != null
        && g.getStatus() != null
        && g.getStatus().getConditions().stream()
            .anyMatch(c -> "Accepted".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static boolean eventually(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(50);
    }
    return condition.getAsBoolean();
  }
}
