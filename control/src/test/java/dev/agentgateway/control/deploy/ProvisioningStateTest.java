package dev.agentgateway.control.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.control.translate.Infrastructure;
import dev.agentgateway.control.xds.cache.GatewayKey;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayStatusAddress;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProvisioningStateTest {
  @Test
  void availableOnceADeploymentReplicaIsAvailable() {
    assertFalse(ProvisioningState.infrastructureOf(null, null, null).available());
    assertFalse(ProvisioningState.infrastructureOf(deployment(0), null, null).available());
    assertTrue(ProvisioningState.infrastructureOf(deployment(1), null, null).available());
  }

  @Test
  void daemonSetIsAvailableOnceOneOfItsPodsIsAvailable() {
    assertFalse(ProvisioningState.infrastructureOf(daemonSet(0, 3), null, null).available());
    assertTrue(ProvisioningState.infrastructureOf(daemonSet(1, 3), null, null).available());
    assertFalse(
        ProvisioningState.infrastructureOf(new DaemonSet(), null, null).available(),
        "no status yet");
  }

  @Test
  void addressesPreferLoadBalancerIngressOverClusterIps() {
    Service lb =
        Fixtures.read(
            """
            spec: {clusterIP: 10.0.0.1, clusterIPs: [10.0.0.1]}
            status: {loadBalancer: {ingress: [{ip: 203.0.113.7}, {hostname: lb.example}]}}
            """,
            Service.class);
    assertEquals(
        List.of(
            new GatewayStatusAddress("IPAddress", "203.0.113.7"),
            new GatewayStatusAddress("Hostname", "lb.example")),
        ProvisioningState.infrastructureOf(null, lb, null).addresses());
    Service pending = Fixtures.read("spec: {clusterIP: 10.0.0.1}", Service.class);
    assertEquals(
        List.of(new GatewayStatusAddress("IPAddress", "10.0.0.1")),
        ProvisioningState.infrastructureOf(null, pending, null).addresses());
  }

  @Test
  void carriesTheParametersErrorAndNotifiesOnlyOnChange() {
    List<GatewayKey> changes = new ArrayList<>();
    ProvisioningState state = new ProvisioningState(changes::add);
    GatewayKey key = new GatewayKey("apps", "gw");
    Infrastructure invalid = ProvisioningState.infrastructureOf(null, null, "bad");
    state.put(key, invalid);
    state.put(key, invalid);
    assertEquals("bad", state.infrastructure(key).parametersError());
    assertEquals(List.of(key), changes);
    state.retainOnly(List.of());
    assertEquals(Infrastructure.PENDING, state.infrastructure(key));
  }

  private static DaemonSet daemonSet(int available, int desired) {
    return Fixtures.read(
        "status: {numberAvailable: %d, desiredNumberScheduled: %d}".formatted(available, desired),
        DaemonSet.class);
  }

  private static Deployment deployment(int available) {
    return Fixtures.read("status: {availableReplicas: %d}".formatted(available), Deployment.class);
  }
}
