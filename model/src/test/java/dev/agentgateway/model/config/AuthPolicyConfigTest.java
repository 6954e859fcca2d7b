package dev.agentgateway.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentgateway.model.ir.CredentialLocation;
import dev.agentgateway.model.ir.JwtAuthPolicy;
import dev.agentgateway.model.ir.McpAuthenticationPolicy;
import dev.agentgateway.model.ir.McpAuthorizationPolicy;
import dev.agentgateway.model.ir.RoutePolicies;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code jwtAuth}, {@code mcpAuthentication} and {@code mcpAuthorization} route policies in
 * upstream's shapes.
 */
class AuthPolicyConfigTest {
  private static final String P = "binds[0].listeners[0].routes[0].policies.";

  private static RoutePolicies policies(String routeBody) throws ConfigException {
    return new LocalConfigLoader(Map.of())
        .parse(ConfigErrorsTest.route(routeBody))
        .routes()
        .get(0)
        .policies();
  }

  @Test
  void readsASingleProviderWithUpstreamsDefaultModeAndEveryRuleForm() throws ConfigException {
    RoutePolicies p =
        policies(
            """
            policies:
              jwtAuth:
                issuer: agentgateway.dev
                audiences: [test.agentgateway.dev]
                jwks: {file: ./pub-key}
              mcpAuthorization:
                rules:
                - 'mcp.tool.name == "echo"'
                - deny: 'jwt.sub == "mallory"'
                - require: 'has(jwt.sub)'
            backends: [{host: "a:1"}]
            """);
    assertEquals(
        new JwtAuthPolicy(
            JwtAuthPolicy.Mode.OPTIONAL,
            List.of(
                new JwtAuthPolicy.Provider(
                    "agentgateway.dev",
                    List.of("test.agentgateway.dev"),
                    new JwtAuthPolicy.Jwks.File("./pub-key")))),
        p.jwtAuth());
    assertEquals(
        new McpAuthorizationPolicy(
            List.of(
                new McpAuthorizationPolicy.Rule(
                    McpAuthorizationPolicy.Kind.ALLOW, "mcp.tool.name == \"echo\""),
                new McpAuthorizationPolicy.Rule(
                    McpAuthorizationPolicy.Kind.DENY, "jwt.sub == \"mallory\""),
                new McpAuthorizationPolicy.Rule(
                    McpAuthorizationPolicy.Kind.REQUIRE, "has(jwt.sub)"))),
        p.mcpAuthorization());
  }

  @Test
  void readsSeveralProvidersWithInlineAndRemoteKeys() throws ConfigException {
    JwtAuthPolicy jwt =
        policies(
                """
                policies:
                  jwtAuth:
                    mode: strict
                    providers:
                    - issuer: a
                      jwks: '{"keys":[]}'
                    - issuer: b
                      jwks: {url: "https://b.example/jwks.json"}
                backends: [{host: "a:1"}]
                """)
            .jwtAuth();
    assertEquals(JwtAuthPolicy.Mode.STRICT, jwt.mode());
    assertEquals(new JwtAuthPolicy.Jwks.Inline("{\"keys\":[]}"), jwt.providers().get(0).jwks());
    assertEquals(
        new JwtAuthPolicy.Jwks.Remote("https://b.example/jwks.json"),
        jwt.providers().get(1).jwks());
  }

  @Test
  void readsWhereTheTokenIsCarried() throws ConfigException {
    JwtAuthPolicy jwt =
        policies(
                """
                policies:
                  jwtAuth:
                    issuer: a
                    jwks: '{"keys":[]}'
                    location: {queryParameter: {name: access_token}}
                backends: [{host: "a:1"}]
                """)
            .jwtAuth();
    assertEquals(new CredentialLocation.QueryParameter("access_token"), jwt.location());
    assertEquals(
        List.of(
            new ConfigError(
                P + "jwtAuth.location.expression", "\"expression\" is not supported yet")),
        ConfigErrorsTest.errors(
            ConfigErrorsTest.route(
                """
                policies:
                  jwtAuth:
                    issuer: a
                    jwks: '{"keys":[]}'
                    location: {expression: 'request.headers["x"]'}
                backends: [{host: "a:1"}]
                """)));
  }

  @Test
  void badShapesAreReportedWithTheirPath() {
    List<ConfigError> errors =
        ConfigErrorsTest.errors(
            ConfigErrorsTest.route(
                """
                policies:
                  jwtAuth: {mode: sometimes, jwks: {url: "ftp://x"}}
                  mcpAuthorization: {rules: [{allow: 'true', deny: 'false'}]}
                backends: [{host: "a:1"}]
                """));
    assertEquals(
        List.of(
            new ConfigError(P + "jwtAuth.mode", "must be one of strict, optional, permissive"),
            new ConfigError(P + "jwtAuth.issuer", "\"issuer\" is required"),
            new ConfigError(P + "jwtAuth.jwks.url", "must be an http or https URL"),
            new ConfigError(P + "mcpAuthorization.rules[0]", "only one of allow, deny may be set")),
        errors);
  }

  @Test
  void readsMcpAuthenticationWithStrictByDefaultAndMetadataAsWritten() throws ConfigException {
    McpAuthenticationPolicy authn =
        policies(
                """
                policies:
                  mcpAuthentication:
                    issuer: http://localhost:7080/realms/mcp
                    audiences: [mcp_proxy]
                    jwks: {url: "http://localhost:7080/realms/mcp/protocol/openid-connect/certs"}
                    jwtValidationOptions: {requiredClaims: [exp, sub]}
                    resourceMetadata:
                      resource: http://localhost:3000/mcp
                      scopesSupported: [read:all]
                backends: [{host: "a:1"}]
                """)
            .mcpAuthentication();
    assertEquals(
        new McpAuthenticationPolicy(
            "http://localhost:7080/realms/mcp",
            List.of("mcp_proxy"),
            new JwtAuthPolicy.Jwks.Remote(
                "http://localhost:7080/realms/mcp/protocol/openid-connect/certs"),
            JwtAuthPolicy.Mode.STRICT,
            List.of("exp", "sub"),
            "{\"resource\":\"http://localhost:3000/mcp\",\"scopesSupported\":[\"read:all\"]}"),
        authn);
  }

  @Test
  void mcpAuthenticationRefusesWhatIsNotBuiltByName() {
    List<ConfigError> errors =
        ConfigErrorsTest.errors(
            ConfigErrorsTest.route(
                """
                policies:
                  mcpAuthentication:
                    issuer: https://tenant.auth0.com/
                    audiences: [mcp]
                    provider: {auth0: {}}
                    jwtValidationOptions: {requiredClaims: [jti]}
                    resourceMetadata: [nope]
                backends: [{host: "a:1"}]
                """));
    String at = P + "mcpAuthentication.";
    assertEquals(
        List.of(
            new ConfigError(at + "provider", "\"provider\" is not supported yet"),
            new ConfigError(
                at + "jwks", "is required (deriving the key set from the issuer is not supported)"),
            new ConfigError(
                at + "jwtValidationOptions.requiredClaims[0]",
                "must be one of exp, nbf, aud, iss, sub"),
            new ConfigError(at + "resourceMetadata", "must be a mapping of metadata fields")),
        errors);
  }
}
