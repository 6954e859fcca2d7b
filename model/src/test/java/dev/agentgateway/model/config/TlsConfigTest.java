package dev.agentgateway.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.agentgateway.model.ir.BackendTlsPolicy;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.ListenerProtocol;
import dev.agentgateway.model.ir.ListenerTls;
import dev.agentgateway.model.ir.Secret;
import dev.agentgateway.model.ir.TlsVersion;
import dev.agentgateway.model.testing.TestPki;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Listener {@code tls}, {@code frontendPolicies.tls} and the {@code backendTLS} policy. */
class TlsConfigTest {
  private static final TestPki.Issued CA = TestPki.ca("config CA");
  private static final TestPki.Issued SERVER = CA.server("server", "a.example");
  private static final TestPki.Issued CLIENT = CA.client("client");

  @TempDir static Path dir;

  @BeforeAll
  static void writeFiles() throws IOException {
    Files.writeString(dir.resolve("server.crt"), SERVER.chainPem());
    Files.writeString(dir.resolve("server.key"), SERVER.traditionalKeyPem());
    Files.writeString(dir.resolve("ca.crt"), CA.certPem());
    Files.writeString(dir.resolve("client.crt"), CLIENT.certPem());
    Files.writeString(dir.resolve("client.key"), CLIENT.keyPem());
    Files.writeString(dir.resolve("bad.crt"), "-----BEGIN CERTIFICATE-----\nAAAA\n");
  }

  private static GatewayConfig load(String text) throws ConfigException {
    return new LocalConfigLoader(Map.of(), dir).parse(text);
  }

  private static List<ConfigError> errors(String text) {
    return assertThrows(ConfigException.class, () -> load(text)).errors();
  }

  private static String https(String tls) {
    return """
        binds:
        - port: 8443
          listeners:
          - name: secure
            hostname: a.example
            protocol: HTTPS
            tls: %s
            routes: [{backends: [{host: "127.0.0.1:8080"}]}]
        """
        .formatted(tls);
  }

  @Test
  void httpsListenerReadsFilesRelativeToTheBaseDirectory() throws ConfigException {
    GatewayConfig config =
        load(
            """
            frontendPolicies:
              tls: {handshakeTimeout: 2s, alpn: [[104, 50]], cipherSuites: [TLS_AES_128_GCM_SHA256]}
            """
                + https(
                    "{cert: server.crt, key: server.key, root: ca.crt,"
                        + " minTLSVersion: TLS_V1_3, maxTlsVersion: TLS_V1_3}"));
    Listener listener = config.listeners().get(0);
    assertEquals(ListenerProtocol.HTTPS, listener.protocol());
    assertEquals(
        new ListenerTls(
            SERVER.chainPem(),
            new Secret(SERVER.traditionalKeyPem()),
            CA.certPem(),
            List.of("TLS_AES_128_GCM_SHA256"),
            TlsVersion.TLS_1_3,
            TlsVersion.TLS_1_3,
            List.of("h2"),
            Duration.ofSeconds(2)),
        listener.tls());
  }

  @Test
  void inlinePemIsAcceptedAndDefaultsStayUnset() throws ConfigException {
    String tls =
        "{cert: \"%s\", key: \"%s\"}"
            .formatted(SERVER.certPem().replace("\n", "\\n"), SERVER.keyPem().replace("\n", "\\n"));
    ListenerTls read = load(https(tls)).listeners().get(0).tls();
    assertNull(read.clientCa());
    assertNull(read.minVersion());
    assertEquals(ListenerTls.DEFAULT_ALPN, read.effectiveAlpn());
    assertEquals(ListenerTls.DEFAULT_HANDSHAKE_TIMEOUT, read.effectiveHandshakeTimeout());
  }

  @Test
  void badPemNamesTheField() {
    assertEquals(
        List.of(
            new ConfigError(
                "binds[0].listeners[0].tls.cert",
                "no PEM certificate (-----BEGIN CERTIFICATE-----) found"),
            new ConfigError(
                "binds[0].listeners[0].tls.key",
                "no PEM private key (PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY) found"),
            new ConfigError(
                "binds[0].listeners[0].tls.root",
                "cannot read the file missing.crt: NoSuchFileException")),
        errors(https("{cert: bad.crt, key: ca.crt, root: missing.crt}")));
  }

  @Test
  void listenerTlsProblemsAreReported() {
    assertEquals(
        List.of(
            new ConfigError("binds[0].listeners[0].tls.key", "\"key\" is required"),
            new ConfigError(
                "binds[0].listeners[0].tls.minTLSVersion", "only TLS 1.2 and 1.3 are supported"),
            new ConfigError(
                "binds[0].listeners[0].tls.keyExchangeGroups",
                "\"keyExchangeGroups\" is not supported yet")),
        ConfigErrorsTest.byPath(
            errors(
                https("{cert: server.crt, minTLSVersion: TLS_V1_0, keyExchangeGroups: [X25519]}")),
            "binds[0].listeners[0].tls.key",
            "binds[0].listeners[0].tls.minTLSVersion",
            "binds[0].listeners[0].tls.keyExchangeGroups"));
  }

  @Test
  void minAboveMaxIsRefused() {
    assertEquals(
        List.of(
            new ConfigError(
                "binds[0].listeners[0].tls", "minVersion TLS_1_3 is above maxVersion TLS_1_2")),
        errors(
            https(
                "{cert: server.crt, key: server.key, minTLSVersion: TLS_V1_3,"
                    + " maxTLSVersion: TLS_V1_2}")));
  }

  @Test
  void httpsNeedsTlsAndTlsNeedsHttps() {
    assertEquals(
        List.of(
            new ConfigError("binds[0].listeners[0].tls", "\"tls\" is required"),
            new ConfigError("binds[1].listeners[0].tls", "tls needs protocol: HTTPS")),
        errors(
            """
            binds:
            - port: 8443
              listeners: [{protocol: HTTPS, routes: []}]
            - port: 8080
              listeners: [{tls: {cert: server.crt, key: server.key}, routes: []}]
            """));
  }

  @Test
  void aBindIsAllHttpsOrAllPlain() {
    assertEquals(
        List.of(
            new ConfigError(
                "binds[0].listeners", "listeners on one bind must be all HTTPS or all plain HTTP")),
        errors(
            """
            binds:
            - port: 8443
              listeners:
              - {protocol: HTTPS, tls: {cert: server.crt, key: server.key}, routes: []}
              - {protocol: HTTP, routes: []}
            """));
  }

  private static BackendTlsPolicy backendTls(String tls) throws ConfigException {
    return load(ConfigErrorsTest.route(
            "policies: {backendTLS: %s}\nbackends: [{host: \"a:1\"}]".formatted(tls)))
        .routes()
        .get(0)
        .policies()
        .backendTls();
  }

  @Test
  void backendTlsReadsEveryField() throws ConfigException {
    assertEquals(
        new BackendTlsPolicy(
            CLIENT.certPem(),
            new Secret(CLIENT.keyPem()),
            CA.certPem(),
            "api.internal",
            false,
            true,
            List.of("h2"),
            List.of("spiffe://td/ns/a/sa/b")),
        backendTls(
            "{cert: client.crt, key: client.key, root: ca.crt, hostname: api.internal,"
                + " insecureHost: true, alpn: [h2], subjectAltNames: [\"spiffe://td/ns/a/sa/b\"]}"));
    assertEquals(
        new BackendTlsPolicy(null, null, null, null, true, false, null, null),
        backendTls("{insecure: true}"));
  }

  @Test
  void backendTlsProblemsNameTheField() {
    String p = "binds[0].listeners[0].routes[0].policies.backendTLS";
    assertEquals(
        List.of(
            new ConfigError(p + ".root", "no PEM certificate (-----BEGIN CERTIFICATE-----) found"),
            new ConfigError(p, "cert and key must be set together (client mTLS)")),
        errors(
            ConfigErrorsTest.route(
                "policies: {backendTLS: {cert: client.crt, root: bad.crt}}\n"
                    + "backends: [{host: \"a:1\"}]")));
  }

  @Test
  void backendTlsIsRefusedOnRoutesToProtocolBackends() {
    assertEquals(
        List.of(
            new ConfigError(
                "binds[0].listeners[0].routes[0].policies.backendTLS",
                "backendTLS is supported only on routes to host backends so far")),
        errors(
            ConfigErrorsTest.route(
                "policies: {backendTLS: {insecure: true}}\n"
                    + "backends: [{mcp: {targets: [{name: t, stdio: {cmd: c}}]}}]")));
  }
}
