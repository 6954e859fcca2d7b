package dev.agentgateway.proxy.mcp.authz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcErrors;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;
import dev.agentgateway.proxy.policy.cel.CelActivation;
import dev.agentgateway.proxy.policy.cel.CelEngine;
import dev.agentgateway.proxy.policy.cel.RequestAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class McpAuthorizationTest {
  private final List<String> compiled = new ArrayList<>();
  private final CelEngine engine = CelEngine.create(compiled::add);

  /** The rules of upstream's examples/mcp-authorization.yaml, as its YAML parser reads them. */
  private static final String UPSTREAM_EXAMPLE =
      """
      rules:
      # Allow anyone to call 'echo'
      - 'mcp.tool.name == "echo"'
      # Only the test-user can call 'get-sum'
      - 'jwt.sub == "test-user" && mcp.tool.name == "get-sum"'
      # Any authenticated user with the claim `nested.key == value` can access 'get-env'
      - 'mcp.tool.name == "get-env" && jwt.nested.key == "value"'
      """;

  private McpAuthorization compileYaml(String yaml) throws Exception {
    return McpAuthorization.compile(new YAMLMapper().readValue(yaml, Map.class), engine);
  }

  private McpAuthorization policy(Object... rules) {
    return McpAuthorization.compile(Map.of("rules", List.of(rules)), engine);
  }

  private static CelActivation jwt(Map<String, ?> claims) {
    return CelActivation.builder().jwt(claims).build();
  }

  @Test
  void upstreamExampleAllowsEchoForAnyoneAndGetSumOnlyForTestUser() throws Exception {
    McpAuthorization authz = compileYaml(UPSTREAM_EXAMPLE);
    McpResource echo = McpResource.tool("mcp2", "echo");
    McpResource sum = McpResource.tool("mcp2", "get-sum");
    McpResource env = McpResource.tool("mcp2", "get-env");

    CelActivation testUser = jwt(Map.of("sub", "test-user"));
    CelActivation other = jwt(Map.of("sub", "other", "nested", Map.of("key", "value")));
    CelActivation anonymous = CelActivation.empty();

    assertTrue(authz.allows(echo, testUser));
    assertTrue(authz.allows(echo, other));
    assertTrue(authz.allows(echo, anonymous));
    assertTrue(authz.allows(sum, testUser));
    assertFalse(authz.allows(sum, other));
    assertFalse(authz.allows(sum, anonymous));
    assertFalse(authz.allows(env, testUser), "no nested claim");
    assertTrue(authz.allows(env, other));
    assertFalse(authz.allows(McpResource.tool("mcp2", "delete-all"), testUser));
  }

  @Test
  void listIsFilteredPerItemForEachSubject() throws Exception {
    McpAuthorization authz = compileYaml(UPSTREAM_EXAMPLE);
    List<String> tools = List.of("echo", "get-sum", "get-env", "add");
    assertEquals(
        List.of("echo", "get-sum"),
        authz.filter(
            tools, name -> McpResource.tool("mcp2", name), jwt(Map.of("sub", "test-user"))));
    assertEquals(
        List.of("echo"),
        authz.filter(tools, name -> McpResource.tool("mcp2", name), jwt(Map.of("sub", "someone"))));
  }

  @Test
  void listClaimAndNestedClaimRules() {
    McpAuthorization authz =
        policy("'admin' in jwt.groups", "jwt.org.team.name == 'blue' && mcp.tool.name == 'read'");
    McpResource write = McpResource.tool("t", "write");
    McpResource read = McpResource.tool("t", "read");
    assertTrue(authz.allows(write, jwt(Map.of("groups", List.of("dev", "admin")))));
    assertFalse(authz.allows(write, jwt(Map.of("groups", List.of("dev")))));
    CelActivation blue = jwt(Map.of("org", Map.of("team", Map.of("name", "blue"))));
    assertTrue(authz.allows(read, blue));
    assertFalse(authz.allows(write, blue));
  }

  @Test
  void ruleOverAMissingClaimDoesNotMatch() {
    McpAuthorization authz = policy("jwt.role == 'admin'");
    McpResource tool = McpResource.tool("t", "x");
    assertFalse(authz.allows(tool, jwt(Map.of("sub", "a"))));
    assertFalse(authz.allows(tool, CelActivation.empty()));
  }

  @Test
  void denyAndRequireRules() {
    McpAuthorization authz =
        policy(
            "true",
            Map.of("deny", "mcp.tool.name == 'drop-table'"),
            Map.of("require", "has(jwt.sub)"));
    CelActivation alice = jwt(Map.of("sub", "alice"));
    assertTrue(authz.allows(McpResource.tool("db", "select"), alice));
    assertFalse(authz.allows(McpResource.tool("db", "drop-table"), alice));
    assertFalse(authz.allows(McpResource.tool("db", "select"), CelActivation.empty()));
    // The deny names a tool, so it fails to evaluate (no match) for a prompt: not denied.
    assertTrue(authz.allows(McpResource.prompt("db", "drop-table"), alice));
  }

  @Test
  void toolTargetIsReadable() {
    McpAuthorization authz = policy("mcp.tool.target == 'trusted'");
    CelActivation anyone = CelActivation.empty();
    assertTrue(authz.allows(McpResource.tool("trusted", "x"), anyone));
    assertFalse(authz.allows(McpResource.tool("other", "x"), anyone));
  }

  @Test
  void promptsAndResourcesHaveTheirOwnVariables() {
    McpAuthorization authz =
        policy(
            "mcp.prompt.name == 'greet' && mcp.prompt.target == 'p'",
            "mcp.resource.uri.startsWith('file:///public/') && mcp.resource.target == 'fs'",
            "mcp.task.name == 'task-1'");
    CelActivation anyone = CelActivation.empty();
    assertTrue(authz.allows(McpResource.prompt("p", "greet"), anyone));
    assertFalse(authz.allows(McpResource.prompt("q", "greet"), anyone));
    assertFalse(authz.allows(McpResource.tool("p", "greet"), anyone), "a tool is not a prompt");
    assertTrue(authz.allows(McpResource.resource("fs", "file:///public/a.txt"), anyone));
    assertFalse(authz.allows(McpResource.resource("fs", "file:///etc/passwd"), anyone));
    assertTrue(
        policy("mcp.resource.name == 'memo:1'")
            .allows(McpResource.resource("m", "memo:1"), anyone));
    assertTrue(authz.allows(McpResource.task("t", "task-1"), anyone));
  }

  @Test
  void requestAttributesAreReadable() {
    McpAuthorization authz = policy("request.headers['x-tenant'] == 'a'");
    McpResource tool = McpResource.tool("t", "x");
    CelActivation tenantA =
        CelActivation.builder()
            .request(RequestAttributes.of("POST", "http", "gw", "/mcp", Map.of("X-Tenant", "a")))
            .build();
    CelActivation tenantB =
        CelActivation.builder()
            .request(RequestAttributes.of("POST", "http", "gw", "/mcp", Map.of("x-tenant", "b")))
            .build();
    assertTrue(authz.allows(tool, tenantA));
    assertFalse(authz.allows(tool, tenantB));
  }

  @Test
  void policiesFromSeveralLevelsAllApply() {
    McpAuthorization route = policy("mcp.tool.name == 'echo'", "mcp.tool.name == 'sum'");
    McpAuthorization backend = policy(Map.of("deny", "mcp.tool.name == 'sum'"));
    McpAuthorization target = policy(Map.of("require", "jwt.sub == 'alice'"));
    McpAuthorization merged = McpAuthorization.merge(List.of(route, backend, target));
    CelActivation alice = jwt(Map.of("sub", "alice"));
    assertTrue(merged.allows(McpResource.tool("t", "echo"), alice));
    assertFalse(merged.allows(McpResource.tool("t", "sum"), alice), "the backend's deny");
    assertFalse(
        merged.allows(McpResource.tool("t", "echo"), jwt(Map.of("sub", "bob"))),
        "the target's require");
    assertFalse(merged.allows(McpResource.tool("t", "other"), alice), "no allow matched");
  }

  @Test
  void noRulesAllowEverythingAndFilterReturnsTheSameList() {
    List<String> items = List.of("a", "b");
    assertSame(
        items,
        McpAuthorization.allowAll()
            .filter(items, n -> McpResource.tool("t", n), CelActivation.empty()));
    McpAuthorization empty = policy();
    assertFalse(empty.hasRules());
    assertTrue(empty.allows(McpResource.tool("t", "anything"), CelActivation.empty()));
    assertSame(empty, empty.merge(McpAuthorization.allowAll()));
  }

  @Test
  void compiledOnceAndReusedForEveryEvaluation() throws Exception {
    McpAuthorization authz = compileYaml(UPSTREAM_EXAMPLE);
    assertEquals(3, compiled.size());
    List<String> tools = List.of("echo", "get-sum", "get-env", "add");
    for (int i = 0; i < 200; i++) {
      authz.filter(tools, name -> McpResource.tool("mcp2", name), jwt(Map.of("sub", "u" + i)));
      authz.allows(McpResource.tool("mcp2", "get-sum"), jwt(Map.of("sub", "test-user")));
    }
    assertEquals(3, compiled.size());
  }

  @Test
  void malformedPolicyIsAConfigErrorNamingTheField() {
    assertEquals(
        "rules: required (an empty list allows everything)",
        assertThrows(
                IllegalArgumentException.class, () -> McpAuthorization.compile(Map.of(), engine))
            .getMessage());
    assertEquals(
        "allow: unknown field; expected 'rules'",
        assertThrows(
                IllegalArgumentException.class,
                () -> McpAuthorization.compile(Map.of("allow", "true"), engine))
            .getMessage());
    assertEquals(
        "expected a map with 'rules' (got a list)",
        assertThrows(
                IllegalArgumentException.class,
                () -> McpAuthorization.compile(List.of("true"), engine))
            .getMessage());
    IllegalArgumentException bad =
        assertThrows(
            IllegalArgumentException.class,
            () -> policy("mcp.tool.name == 'echo'", "mcp.tool.name = 'x'"));
    assertTrue(
        bad.getMessage().startsWith("rules[1]: invalid CEL expression 'mcp.tool.name = 'x''"),
        bad.getMessage());
  }

  @Test
  void refusedCallLooksLikeAnUnknownName() {
    JsonRpcMessage.ErrorResponse denied =
        McpAuthorization.denied(IntNode.valueOf(7), McpResource.Kind.TOOL, "mcp2_get-sum");
    assertEquals(IntNode.valueOf(7), denied.id());
    assertEquals(JsonRpcErrors.INVALID_PARAMS, denied.code());
    assertEquals("Unknown tool: mcp2_get-sum", denied.message());
    assertNull(denied.data());
    assertEquals(
        "Unknown resource: fs+file:///x",
        McpAuthorization.denied(IntNode.valueOf(1), McpResource.Kind.RESOURCE, "fs+file:///x")
            .message());
  }
}
