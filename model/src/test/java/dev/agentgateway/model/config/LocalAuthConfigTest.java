package dev.agentgateway.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.agentgateway.model.ir.ApiKeyAuthPolicy;
import dev.agentgateway.model.ir.AuthorizationPolicy;
import dev.agentgateway.model.ir.BasicAuthPolicy;
import dev.agentgateway.model.ir.CredentialLocation;
import dev.agentgateway.model.ir.CsrfPolicy;
import dev.agentgateway.model.ir.McpAuthorizationPolicy;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.ir.Secret;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code apiKey}, {@code basicAuth}, {@code authorization} and {@code csrf} route policies. */
class LocalAuthConfigTest {
  private static final String P = "binds[0].listeners[0].routes[0].policies.";
  private static final String APR1 = "$apr1$abcdefgh$ckT15POyCRlen.h6XtGAZ1";
  private static final String BCRYPT =
      "$2y$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i";
  private static final String SHA = "{SHA}87u9ZqY9S/F0eUBXjsPQEDUw4h0=";
  private static final String KEY_HASH =
      "3605a9e4358da4302f8acea41f0f52cef85d0e3f727c7b020fc7305aec8d56b4";

  private static RoutePolicies policies(String routeBody) throws ConfigException {
    return new LocalConfigLoader(Map.of())
        .parse(ConfigErrorsTest.route(routeBody))
        .routes()
        .get(0)
        .policies();
  }

  @Test
  void readsApiKeysWithMetadataHashesAndUpstreamsDefaults() throws ConfigException {
    ApiKeyAuthPolicy p =
        policies(
                """
                policies:
                  apiKey:
                    keys:
                    - key: k-abc
                      metadata: {name: alice, group: admin}
                    - keyHash: sha256:%s
                backends: [{host: "a:1"}]
                """
                    .formatted(KEY_HASH.toUpperCase()))
            .apiKey();
    assertEquals(
        new ApiKeyAuthPolicy(
            ApiKeyAuthPolicy.Mode.OPTIONAL,
            List.of(
                new ApiKeyAuthPolicy.Key(
                    new Secret("k-abc"), null, "{\"name\":\"alice\",\"group\":\"admin\"}"),
                new ApiKeyAuthPolicy.Key(null, KEY_HASH, null)),
            CredentialLocation.BEARER),
        p);
  }

  @Test
  void readsEveryCredentialLocation() throws ConfigException {
    assertEquals(
        new CredentialLocation.Header("x-api-key", null),
        policies(
                """
                policies:
                  apiKey: {mode: strict, keys: [{key: k}], location: {header: {name: X-Api-Key}}}
                backends: [{host: "a:1"}]
                """)
            .apiKey()
            .location());
    assertEquals(
        new CredentialLocation.QueryParameter("api_key"),
        policies(
                """
                policies:
                  apiKey: {keys: [{key: k}], location: {queryParameter: {name: api_key}}}
                backends: [{host: "a:1"}]
                """)
            .apiKey()
            .location());
    assertEquals(
        new CredentialLocation.Cookie("session"),
        policies(
                """
                policies:
                  apiKey: {mode: permissive, keys: [{key: k}], location: {cookie: {name: session}}}
                backends: [{host: "a:1"}]
                """)
            .apiKey()
            .location());
  }

  @Test
  void apiKeyMistakesAreNamedByField() {
    List<ConfigError> errors =
        ConfigErrorsTest.errors(
            ConfigErrorsTest.route(
                """
                policies:
                  apiKey:
                    mode: strict-ish
                    keys:
                    - {key: a, keyHash: "sha256:00"}
                    - {keyHash: "md5:abc"}
                    - {metadata: {name: x}}
                    - {key: b, allowedModels: [gpt-4]}
                    location: {expression: 'request.headers["x"]'}
                    keyz: []
                backends: [{host: "a:1"}]
                """));
    String at = P + "apiKey.";
    assertEquals(
        List.of(
            new ConfigError(at + "keyz", "unknown field \"keyz\" (did you mean \"keys\"?)"),
            new ConfigError(at + "mode", "must be one of strict, optional, permissive"),
            new ConfigError(at + "keys[0]", "only one of key, keyHash may be set"),
            new ConfigError(at + "keys[1].keyHash", "must be sha256:<64 hex digits>"),
            new ConfigError(at + "keys[2]", "needs one of key, keyHash"),
            new ConfigError(at + "keys[3].allowedModels", "\"allowedModels\" is not supported yet"),
            new ConfigError(at + "location.expression", "\"expression\" is not supported yet")),
        errors);
  }

  @Test
  void readsInlineHtpasswdInEveryAcceptedScheme() throws ConfigException {
    BasicAuthPolicy p =
        policies(
                """
                policies:
                  basicAuth:
                    htpasswd: |
                      # users
                      alice:%s
                      bob:%s

                      carol:%s
                    realm: agw
                    mode: strict
                backends: [{host: "a:1"}]
                """
                    .formatted(BCRYPT, APR1, SHA))
            .basicAuth();
    assertEquals(
        new BasicAuthPolicy(
            List.of(
                new BasicAuthPolicy.User("alice", new Secret(BCRYPT)),
                new BasicAuthPolicy.User("bob", new Secret(APR1)),
                new BasicAuthPolicy.User("carol", new Secret(SHA))),
            "agw",
            BasicAuthPolicy.Mode.STRICT,
            CredentialLocation.BASIC),
        p);
  }

  @Test
  void expandsAnHtpasswdThatIsOneEnvironmentReference() throws ConfigException {
    BasicAuthPolicy p =
        new LocalConfigLoader(Map.of("HTPASSWD", "alice:" + APR1))
            .parse(
                ConfigErrorsTest.route(
                    """
                    policies:
                      basicAuth: {htpasswd: $HTPASSWD}
                    backends: [{host: "a:1"}]
                    """))
            .routes()
            .get(0)
            .policies()
            .basicAuth();
    assertEquals(List.of(new BasicAuthPolicy.User("alice", new Secret(APR1))), p.users());
  }

  @Test
  void readsHtpasswdFromAFileBesideTheConfig(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("users.htpasswd"), "alice:" + APR1 + "\n");
    BasicAuthPolicy p =
        new LocalConfigLoader(Map.of(), dir)
            .parse(
                ConfigErrorsTest.route(
                    """
                    policies:
                      basicAuth: {htpasswd: {file: users.htpasswd}}
                    backends: [{host: "a:1"}]
                    """))
            .routes()
            .get(0)
            .policies()
            .basicAuth();
    assertEquals(List.of(new BasicAuthPolicy.User("alice", new Secret(APR1))), p.users());
    assertEquals(BasicAuthPolicy.Mode.OPTIONAL, p.mode());
  }

  @Test
  void refusesPlainTextPasswordsWithoutEchoingThem() {
    List<ConfigError> errors =
        ConfigErrorsTest.errors(
            ConfigErrorsTest.route(
                """
                policies:
                  basicAuth:
                    htpasswd: |
                      alice:hunter2
                      bob:%s
                      bob:%s
                      nocolon
                    mode: permissive
                    relm: x
                backends: [{host: "a:1"}]
                """
                    .formatted(APR1, SHA)));
    String at = P + "basicAuth.";
    assertEquals(
        List.of(
            new ConfigError(at + "relm", "unknown field \"relm\" (did you mean \"realm\"?)"),
            new ConfigError(
                at + "htpasswd",
                "line 1 (user alice): plain-text or unsupported password hash; use bcrypt ($2y$),"
                    + " $apr1$ or {SHA}"),
            new ConfigError(at + "htpasswd", "line 3: user bob is listed twice"),
            new ConfigError(at + "htpasswd", "line 4: expected user:hash"),
            new ConfigError(at + "mode", "must be one of strict, optional")),
        errors);
    assertFalse(errors.toString().contains("hunter2"));
  }

  @Test
  void readsAuthorizationRulesInEveryForm() throws ConfigException {
    AuthorizationPolicy p =
        policies(
                """
                policies:
                  authorization:
                    rules:
                    - 'request.method == "GET"'
                    - deny: 'request.path.startsWith("/admin")'
                    - require: 'has(apiKey.group)'
                backends: [{host: "a:1"}]
                """)
            .authorization();
    assertEquals(
        new AuthorizationPolicy(
            List.of(
                new McpAuthorizationPolicy.Rule(
                    McpAuthorizationPolicy.Kind.ALLOW, "request.method == \"GET\""),
                new McpAuthorizationPolicy.Rule(
                    McpAuthorizationPolicy.Kind.DENY, "request.path.startsWith(\"/admin\")"),
                new McpAuthorizationPolicy.Rule(
                    McpAuthorizationPolicy.Kind.REQUIRE, "has(apiKey.group)"))),
        p);
  }

  @Test
  void authorizationAndCsrfMistakesAreNamedByField() {
    List<ConfigError> errors =
        ConfigErrorsTest.errors(
            ConfigErrorsTest.route(
                """
                policies:
                  authorization:
                    rules: [{permit: "true"}]
                  csrf:
                    additionalOrigins: ["https://ok.example", "not an origin", "https://OK.example"]
                    additionalOrigin: []
                backends: [{host: "a:1"}]
                """));
    assertEquals(
        List.of(
            new ConfigError(P + "authorization.rules[0].permit", "unknown field \"permit\""),
            new ConfigError(P + "authorization.rules[0]", "needs one of allow, deny, require"),
            new ConfigError(
                P + "csrf.additionalOrigin",
                "unknown field \"additionalOrigin\" (did you mean \"additionalOrigins\"?)"),
            new ConfigError(P + "csrf.additionalOrigins[1]", "must be scheme://host[:port]"),
            new ConfigError(P + "csrf.additionalOrigins[2]", "is listed twice")),
        errors);
  }

  @Test
  void readsCsrfWithAndWithoutOrigins() throws ConfigException {
    assertEquals(
        new CsrfPolicy(List.of("https://app.example:8443")),
        policies(
                """
                policies:
                  csrf: {additionalOrigins: ["https://App.example:8443"]}
                backends: [{host: "a:1"}]
                """)
            .csrf());
    assertEquals(
        new CsrfPolicy(List.of()),
        policies(
                """
                policies:
                  csrf: {}
                backends: [{host: "a:1"}]
                """)
            .csrf());
  }
}
