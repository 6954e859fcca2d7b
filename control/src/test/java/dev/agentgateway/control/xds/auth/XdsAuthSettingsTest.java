package dev.agentgateway.control.xds.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.control.xds.server.XdsMetrics;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XdsAuthSettingsTest {

  @Test
  void authenticationIsOnUnlessSwitchedOff() {
    assertTrue(XdsAuthSettings.fromEnv(Map.of()).enabled());
    assertTrue(XdsAuthSettings.fromEnv(Map.of("AGW_XDS_AUTH", "")).enabled());
    assertTrue(XdsAuthSettings.fromEnv(Map.of("AGW_XDS_AUTH", "true")).enabled());
    assertFalse(XdsAuthSettings.fromEnv(Map.of("AGW_XDS_AUTH", "false")).enabled());
  }

  @Test
  void anyOtherValueIsRejectedNamingTheVariable() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> XdsAuthSettings.fromEnv(Map.of("AGW_XDS_AUTH", "off")));
    assertEquals("AGW_XDS_AUTH must be true or false, not 'off'", e.getMessage());
  }

  @Test
  void switchedOffMeansNoInterceptorsAndOnMeansTheTokenCheck() {
    try (KubernetesClient client =
        new KubernetesClientBuilder().withConfig(Config.empty()).build()) {
      assertEquals(List.of(), new XdsAuthSettings(false).interceptors(client, new XdsMetrics()));
      var on = new XdsAuthSettings(true).interceptors(client, new XdsMetrics());
      assertEquals(1, on.size());
      assertInstanceOf(BearerTokenInterceptor.class, on.getFirst());
    }
  }
}
