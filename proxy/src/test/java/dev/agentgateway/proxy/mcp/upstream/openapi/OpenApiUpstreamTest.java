package dev.agentgateway.proxy.mcp.upstream.openapi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.McpTarget;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcErrors;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;
import dev.agentgateway.proxy.mcp.upstream.McpTransportException;
import dev.agentgateway.proxy.testing.PetApi;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An OpenAPI upstream answering MCP itself and calling a real local API. */
class OpenApiUpstreamTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private PetApi api;
  private OpenApiUpstreams upstreams;
  private McpTarget.OpenApi target;

  @BeforeEach
  void start() throws Exception {
    api = PetApi.start();
    upstreams = new OpenApiUpstreams("test");
    target =
        new McpTarget.OpenApi(
            "pets",
            OpenApiCompilerTest.petstore(),
            new Backend.Host("127.0.0.1", api.port()),
            null);
  }

  @AfterEach
  void stop() {
    upstreams.close();
    api.close();
  }

  private OpenApiUpstream open() throws McpTransportException {
    return upstreams.open(target, "127.0.0.1:" + api.port(), null);
  }

  private static JsonRpcMessage call(OpenApiUpstream up, String method, String params)
      throws Exception {
    return up.call(
        new JsonRpcMessage.Request(
            IntNode.valueOf(7), method, params == null ? null : JSON.readTree(params)),
        TIMEOUT,
        m -> {});
  }

  private static JsonNode result(JsonRpcMessage m) {
    return assertInstanceOf(JsonRpcMessage.Response.class, m, m.toString()).result();
  }

  private static JsonNode callTool(OpenApiUpstream up, String tool, String arguments)
      throws Exception {
    return result(
        call(up, "tools/call", "{\"name\":\"" + tool + "\",\"arguments\":" + arguments + "}"));
  }

  @Test
  void initializeAgreesOnAVersionAndOffersToolsOnly() throws Exception {
    try (OpenApiUpstream up = open()) {
      JsonNode init =
          result(
              call(up, "initialize", "{\"protocolVersion\":\"2025-03-26\",\"capabilities\":{}}"));
      assertEquals("2025-03-26", init.get("protocolVersion").asText());
      assertEquals("{\"tools\":{}}", init.get("capabilities").toString());
      assertEquals("pets", init.path("serverInfo").path("name").asText());
      JsonNode future = result(call(up, "initialize", "{\"protocolVersion\":\"2099-01-01\"}"));
      assertEquals(
          OpenApiUpstream.VERSIONS.get(OpenApiUpstream.VERSIONS.size() - 1),
          future.get("protocolVersion").asText());
      up.send(new JsonRpcMessage.Notification("notifications/initialized", null));
      assertEquals("{}", result(call(up, "ping", null)).toString());
    }
  }

  @Test
  void listsOneToolPerOperationAndNothingElse() throws Exception {
    try (OpenApiUpstream up = open()) {
      JsonNode tools = result(call(up, "tools/list", "{}")).get("tools");
      assertEquals(5, tools.size());
      assertEquals("listPets", tools.get(0).get("name").asText());
      assertEquals("[]", result(call(up, "prompts/list", null)).get("prompts").toString());
      assertEquals("[]", result(call(up, "resources/list", null)).get("resources").toString());
      JsonRpcMessage other = call(up, "completion/complete", "{}");
      assertEquals(
          JsonRpcErrors.METHOD_NOT_FOUND,
          assertInstanceOf(JsonRpcMessage.ErrorResponse.class, other).code());
    }
  }

  @Test
  void aToolCallReachesTheApiWithItsPathParameterEncoded() throws Exception {
    try (OpenApiUpstream up = open()) {
      JsonNode r = callTool(up, "getPet", "{\"path\":{\"petId\":\"a/b c\"}}");
      assertFalse(r.get("isError").asBoolean(), r.toString());
      assertEquals(
          "{\"id\":\"a/b c\",\"name\":\"Rex\"}", r.path("content").path(0).path("text").asText());
      assertEquals("text", r.path("content").path(0).path("type").asText());
      assertEquals("GET /api/pets/a%2Fb%20c", last());
    }
  }

  @Test
  void queryHeadersAndBodyReachTheApi() throws Exception {
    try (OpenApiUpstream up = open()) {
      callTool(up, "listPets", "{\"query\":{\"limit\":2},\"header\":{\"X-Request-Id\":\"r-9\"}}");
      PetApi.Seen list = api.seen().get(api.seen().size() - 1);
      assertEquals("/api/pets?limit=2", list.rawTarget());
      assertEquals("r-9", list.requestId());
      JsonNode created = callTool(up, "createPet", "{\"body\":{\"name\":\"Tom\"}}");
      assertEquals("{\"name\":\"Tom\"}", created.path("content").path(0).path("text").asText());
      assertEquals("{\"name\":\"Tom\"}", api.seen().get(api.seen().size() - 1).body());
    }
  }

  @Test
  void anApiErrorStatusIsAToolError() throws Exception {
    try (OpenApiUpstream up = open()) {
      JsonNode missing = callTool(up, "getPet", "{\"path\":{\"petId\":\"missing\"}}");
      assertTrue(missing.get("isError").asBoolean());
      assertEquals(
          "HTTP 404: {\"error\":\"no such pet\"}",
          missing.path("content").path(0).path("text").asText());
      JsonNode boom = callTool(up, "getPet", "{\"path\":{\"petId\":\"boom\"}}");
      assertTrue(boom.get("isError").asBoolean());
      assertEquals(
          "HTTP 500: internal trouble", boom.path("content").path(0).path("text").asText());
    }
  }

  @Test
  void aResponseOverTheLimitIsAToolError() throws Exception {
    try (OpenApiUpstream up = open()) {
      JsonNode huge = callTool(up, "getPet", "{\"path\":{\"petId\":\"huge\"}}");
      assertTrue(huge.get("isError").asBoolean());
      assertTrue(
          huge.path("content").path(0).path("text").asText().contains("larger than 4194304 bytes"));
    }
  }

  @Test
  void structuredContentOnlyFromProtocol20250618On() throws Exception {
    try (OpenApiUpstream up = open()) {
      call(up, "initialize", "{\"protocolVersion\":\"2025-03-26\"}");
      assertFalse(callTool(up, "getPet", "{\"path\":{\"petId\":\"1\"}}").has("structuredContent"));
      call(up, "initialize", "{\"protocolVersion\":\"2025-06-18\"}");
      assertEquals(
          "{\"id\":\"1\",\"name\":\"Rex\"}",
          callTool(up, "getPet", "{\"path\":{\"petId\":\"1\"}}")
              .get("structuredContent")
              .toString());
      // an array is not an object: text only
      assertFalse(callTool(up, "listPets", "{}").has("structuredContent"));
    }
  }

  @Test
  void anUnknownToolIsInvalidParamsAndAMissingParameterAToolError() throws Exception {
    try (OpenApiUpstream up = open()) {
      JsonRpcMessage.ErrorResponse unknown =
          assertInstanceOf(
              JsonRpcMessage.ErrorResponse.class,
              call(up, "tools/call", "{\"name\":\"nope\",\"arguments\":{}}"));
      assertEquals(JsonRpcErrors.INVALID_PARAMS, unknown.code());
      assertEquals("Unknown tool: nope", unknown.message());
      JsonNode missing = callTool(up, "getPet", "{}");
      assertTrue(missing.get("isError").asBoolean());
      assertEquals(
          "missing required path parameter 'petId'",
          missing.path("content").path(0).path("text").asText());
      assertTrue(api.seen().isEmpty(), "nothing reached the API");
    }
  }

  @Test
  void thePathPrefixReplacesTheServersPath() throws Exception {
    McpTarget.OpenApi prefixed =
        new McpTarget.OpenApi("pets", target.schema(), target.upstream(), "/api/pets");
    try (OpenApiUpstream up = upstreams.open(prefixed, "127.0.0.1:" + api.port(), null)) {
      callTool(up, "listPets", "{}");
      assertEquals("GET /api/pets/pets", last());
    }
  }

  @Test
  void theDocumentIsCompiledOnceForEverySession() throws Exception {
    try (OpenApiUpstream a = open();
        OpenApiUpstream b =
            upstreams.open(
                new McpTarget.OpenApi(
                    "other", new String(target.schema()), target.upstream(), null),
                "127.0.0.1:" + api.port(),
                null)) {
      assertSame(a.tools(), b.tools());
    }
  }

  @Test
  void aBrokenDocumentFailsTheSessionNamingTheTarget() {
    McpTarget.OpenApi broken =
        new McpTarget.OpenApi("broken", "{\"openapi\":\"3.0.0\"}", target.upstream(), null);
    McpTransportException e =
        assertThrows(
            McpTransportException.class, () -> upstreams.open(broken, "127.0.0.1:1", null));
    assertEquals(
        "MCP target 'broken': invalid OpenAPI schema: the document needs a \"paths\" mapping",
        e.getMessage());
  }

  @Test
  void anApiThatIsDownIsATransportError() throws Exception {
    api.close();
    try (OpenApiUpstream up = open()) {
      McpTransportException e =
          assertThrows(
              McpTransportException.class,
              () -> call(up, "tools/call", "{\"name\":\"listPets\",\"arguments\":{}}"));
      assertTrue(e.getMessage().startsWith("MCP target 'pets': GET /pets: "), e.getMessage());
    }
  }

  @Test
  void aClosedUpstreamRefusesCalls() throws Exception {
    OpenApiUpstream up = open();
    up.close();
    assertThrows(McpTransportException.class, () -> call(up, "tools/list", null));
  }

  private String last() {
    PetApi.Seen s = api.seen().get(api.seen().size() - 1);
    return s.method() + " " + s.rawTarget();
  }
}
