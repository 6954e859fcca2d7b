package dev.agentgateway.proxy.xds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.xds.envoy.Node;
import io.grpc.InsecureChannelCredentials;
import io.grpc.Metadata;
import io.grpc.TlsChannelCredentials;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
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

  private static String testCa() throws URISyntaxException {
    return Path.of(XdsSettingsTest.class.getResource("/xds/test-ca.crt").toURI()).toString();
  }

  @Test
  void plainAddressIsPlaintext() {
    assertInstanceOf(
        InsecureChannelCredentials.class,
        XdsSettings.fromEnv(env("http://controller:9978")).channelCredentials());
  }

  @Test
  void tlsAddressTrustsTheRootCaFile() throws Exception {
    Map<String, String> env = env("https://controller.system:9978");
    env.put("XDS_ROOT_CA", testCa());
    XdsSettings s = XdsSettings.fromEnv(env);
    assertEquals("controller.system", s.host());
    TlsChannelCredentials tls =
        assertInstanceOf(TlsChannelCredentials.class, s.channelCredentials());
    assertNotNull(tls.getRootCertificates(), "trusts the given CA, not the system roots");
    assertTrue(
        new String(tls.getRootCertificates(), StandardCharsets.US_ASCII)
            .contains("BEGIN CERTIFICATE"));
  }

  @Test
  void tlsAddressWithoutRootCaIsRejectedByName() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> XdsSettings.fromEnv(env("https://controller:9978")));
    assertEquals(
        "XDS_ROOT_CA must name the controller's CA certificate file for an https:// XDS_ADDRESS",
        e.getMessage());
  }

  @Test
  void missingRootCaFileIsRejectedWithItsPath(@TempDir Path dir) {
    Map<String, String> env = env("https://controller:9978");
    String path = dir.resolve("absent.crt").toString();
    env.put("XDS_ROOT_CA", path);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> XdsSettings.fromEnv(env));
    assertTrue(
        e.getMessage().startsWith("XDS_ROOT_CA " + path + ": cannot read: "), e.getMessage());
  }

  @Test
  void rootCaFileWithoutACertificateIsRejectedWithItsPath(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("ca.crt"), "not a certificate\n");
    Map<String, String> env = env("https://controller:9978");
    env.put("XDS_ROOT_CA", file.toString());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> XdsSettings.fromEnv(env));
    assertEquals("XDS_ROOT_CA " + file + ": not a PEM certificate", e.getMessage());
  }

  @Test
  void otherSchemesAreRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> XdsSettings.fromEnv(env("grpc://controller")));
    assertEquals(
        "XDS_ADDRESS grpc://controller: expected http://host:port or https://host:port",
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
