package dev.agentgateway.proxy.xds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentgateway.model.xds.envoy.Node;
import io.grpc.Metadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XdsSettingsTest {
  private static Map<String, String> env(String address) {
    Map<String, String> env = new HashMap<>();
    env.put("XDS_ADDRESS", address);
    env.put("NAMESPACE", "ns");
    env.put("GATEWAY", "gw");
    env.put("POD_NAME", "gw-abc");
    env.put("POD_NAMESPACE", "ns");
    env.put("INSTANCE_IP", "10.1.2.3");
    return env;
  }

  @Test
  void nodeNamesThePodAndTheGatewayRole() {
    XdsSettings s = XdsSettings.fromEnv(env("http://controller.system:9978"));
    assertEquals("controller.system", s.host());
    assertEquals(9978, s.port());
    Node node = s.node();
    assertEquals("agentgateway~10.1.2.3~gw-abc.ns~ns.svc.cluster.local", node.getId());
    Map<String, String> meta = new HashMap<>();
    node.getMetadata().getFieldsMap().forEach((k, v) -> meta.put(k, v.getStringValue()));
    assertEquals(
        Map.of(
            "NAME", "gw-abc",
            "NAMESPACE", "ns",
            "INSTANCE_IPS", "10.1.2.3",
            "GATEWAY_NAME", "gw",
            "role", "ns~gw"),
        meta);
  }

  @Test
  void addressWithoutPortUsesTheXdsPort() {
    assertEquals(XdsSettings.DEFAULT_PORT, XdsSettings.fromEnv(env("http://controller")).port());
  }

  @Test
  void tlsAddressIsRejectedAsNotSupportedYet() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> XdsSettings.fromEnv(env("https://controller:9978")));
    assertEquals(
        "XDS_ADDRESS https://controller:9978: TLS to the controller is not supported yet; use"
            + " http://",
        e.getMessage());
  }

  @Test
  void missingGatewayIsRejectedByName() {
    Map<String, String> env = env("http://controller:9978");
    env.remove("GATEWAY");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> XdsSettings.fromEnv(env));
    assertEquals("GATEWAY must be set for xDS", e.getMessage());
  }

  @Test
  void noTokenIsSentWhenTheDefaultFileIsAbsentAndNoneIsConfigured(@TempDir Path dir) {
    assertNull(XdsSettings.callCredentials(Map.of(), dir.resolve("absent")));
  }

  @Test
  void theDefaultTokenFileIsUsedWhenItExists(@TempDir Path dir) throws Exception {
    Path token = Files.writeString(dir.resolve("xds-token"), "t");
    var credentials =
        assertInstanceOf(TokenFileCredentials.class, XdsSettings.callCredentials(Map.of(), token));
    assertEquals(token, credentials.path());
  }

  @Test
  void aConfiguredTokenFileIsUsedEvenBeforeItExists(@TempDir Path dir) {
    Path configured = dir.resolve("later");
    var credentials =
        assertInstanceOf(
            TokenFileCredentials.class,
            XdsSettings.callCredentials(
                Map.of("XDS_AUTH_TOKEN", configured.toString()), dir.resolve("absent")));
    assertEquals(configured, credentials.path());
  }

  @Test
  void clusterIdDefaultsToKubernetes(@TempDir Path dir) throws Exception {
    Path token = Files.writeString(dir.resolve("xds-token"), "t");
    assertEquals("Kubernetes", clusterId(Map.of(), token));
    assertEquals("east", clusterId(Map.of("CLUSTER_ID", "east"), token));
  }

  private static String clusterId(Map<String, String> env, Path token) {
    Metadata[] sent = new Metadata[1];
    XdsSettings.callCredentials(env, token)
        .applyRequestMetadata(
            null,
            Runnable::run,
            new io.grpc.CallCredentials.MetadataApplier() {
              @Override
              public void apply(Metadata headers) {
                sent[0] = headers;
              }

              @Override
              public void fail(io.grpc.Status status) {
                throw new AssertionError(status.toString());
              }
            });
    return sent[0].get(TokenFileCredentials.CLUSTER_ID);
  }
}
