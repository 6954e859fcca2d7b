package dev.agentgateway.control.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ControllerSettingsTest {

  @Test
  void defaultsAreUpstreams() {
    ControllerSettings s = ControllerSettings.fromEnv(Map.of());
    assertEquals("agentgateway.dev/agentgateway", s.controllerName());
    assertEquals("agentgateway", s.gatewayClassName());
    assertEquals(9978, s.xdsPort());
    assertEquals("agentgateway-system", s.namespace());
    assertEquals(9093, s.healthPort());
    assertEquals(9092, s.metricsPort());
    assertTrue(s.leaderElection());
    assertTrue(s.discoveryNamespaceSelectors().isEmpty());
    assertEquals(
        "http://agentgateway.agentgateway-system.svc.cluster.local:9978", s.xdsAddress(false));
  }

  @Test
  void readsTheUpstreamEnvironmentNames() {
    ControllerSettings s =
        ControllerSettings.fromEnv(
            Map.of(
                "AGW_CONTROLLER_NAME", "example.com/gw",
                "AGW_AGENTGATEWAY_CLASS_NAME", "mine",
                "AGW_GATEWAY_CLASS_PARAMETERS_REFS",
                    "{\"mine\": {\"name\": \"params\", \"namespace\": \"system\"}}",
                "AGW_DISCOVERY_NAMESPACE_SELECTORS",
                    "[{\"matchLabels\": {\"team\": \"a\"}}, {\"matchExpressions\": [{\"key\": \"env\", \"operator\": \"Exists\"}]}]",
                "AGW_XDS_SERVICE_HOST", "xds.example.com",
                "AGW_AGENTGATEWAY_XDS_SERVICE_PORT", "19978",
                "AGW_DISABLE_LEADER_ELECTION", "true",
                "AGW_PROXY_IMAGE_TAG", "v9"));
    assertEquals("example.com/gw", s.controllerName());
    assertEquals("mine", s.gatewayClassName());
    ControllerSettings.ParametersRef ref = s.gatewayClassParametersRefs().get("mine");
    assertEquals("params", ref.name());
    assertEquals("system", ref.namespace());
    assertEquals("AgentgatewayParameters", ref.kind());
    assertEquals(2, s.discoveryNamespaceSelectors().size());
    assertEquals("a", s.discoveryNamespaceSelectors().get(0).getMatchLabels().get("team"));
    assertEquals("https://xds.example.com:19978", s.xdsAddress(true));
    assertFalse(s.leaderElection());
    assertEquals("cr.agentgateway.dev/agentgateway:v9", s.proxyImage());
  }

  @Test
  void badValuesNameTheVariable() {
    assertThrows(
        IllegalArgumentException.class,
        () -> ControllerSettings.fromEnv(Map.of("AGW_AGENTGATEWAY_XDS_SERVICE_PORT", "70000")),
        "AGW_AGENTGATEWAY_XDS_SERVICE_PORT");
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ControllerSettings.fromEnv(Map.of("AGW_GATEWAY_CLASS_PARAMETERS_REFS", "{nope")));
    assertTrue(e.getMessage().startsWith("AGW_GATEWAY_CLASS_PARAMETERS_REFS"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> ControllerSettings.fromEnv(Map.of("AGW_DISABLE_LEADER_ELECTION", "yes")));
    assertTrue(e.getMessage().contains("AGW_DISABLE_LEADER_ELECTION=yes"), e.getMessage());
  }
}
