package dev.agentgateway.control.xds.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XdsTlsSettingsTest {

  @Test
  void defaultsArePlaintextWithTheServiceNamesOfTheDefaultNamespace() {
    XdsTlsSettings s = XdsTlsSettings.fromEnv(Map.of());
    assertEquals(XdsTlsSettings.Mode.PLAINTEXT, s.mode());
    assertEquals("agentgateway-system", s.namespace());
    assertEquals("agentgateway-xds-cert", s.secretName());
    assertEquals(
        List.of(
            "agentgateway.agentgateway-system.svc",
            "agentgateway.agentgateway-system.svc.cluster.local"),
        s.hosts());
    assertEquals(XdsTlsSettings.DEFAULT_LEAF_LIFETIME, s.leafLifetime());
  }

  @Test
  void tlsModeUsesTheServiceNameAndNamespaceAndAddsExtraHosts() {
    XdsTlsSettings s =
        XdsTlsSettings.fromEnv(
            Map.of(
                "AGW_XDS_MODE", "TLS",
                "POD_NAMESPACE", "ctl",
                "AGW_XDS_SERVICE_NAME", "agw",
                "AGW_ADDITIONAL_XDS_TLS_HOSTS", " localhost, 127.0.0.1 ,,agw.ctl.svc"));
    assertEquals(XdsTlsSettings.Mode.TLS, s.mode());
    assertEquals("ctl", s.namespace());
    assertEquals(
        List.of("agw.ctl.svc", "agw.ctl.svc.cluster.local", "localhost", "127.0.0.1"), s.hosts());
  }

  @Test
  void serviceHostReplacesTheServiceNames() {
    XdsTlsSettings s =
        XdsTlsSettings.fromEnv(
            Map.of("AGW_XDS_MODE", "tls", "AGW_XDS_SERVICE_HOST", "xds.example.com"));
    assertEquals(List.of("xds.example.com"), s.hosts());
  }

  @Test
  void unknownModeIsRejectedNamingTheVariableAndTheChoices() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> XdsTlsSettings.fromEnv(Map.of("AGW_XDS_MODE", "either")));
    assertEquals("AGW_XDS_MODE either: expected plaintext or tls", e.getMessage());
  }

  @Test
  void invalidExtraHostIsRejectedByVariable() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                XdsTlsSettings.fromEnv(
                    Map.of("AGW_ADDITIONAL_XDS_TLS_HOSTS", "ok.example,bad host")));
    assertEquals(
        "AGW_ADDITIONAL_XDS_TLS_HOSTS bad host: not a host name or IP address", e.getMessage());
  }

  @Test
  void tooShortLifetimeIsRejected() {
    XdsTlsSettings s = XdsTlsSettings.fromEnv(Map.of());
    assertThrows(
        IllegalArgumentException.class, () -> s.withLeafLifetime(java.time.Duration.ofMillis(10)));
  }
}
