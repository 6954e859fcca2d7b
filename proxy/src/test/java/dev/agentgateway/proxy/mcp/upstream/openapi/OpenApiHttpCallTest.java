package dev.agentgateway.proxy.mcp.upstream.openapi;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** How a tool call's arguments become the HTTP request to the API. */
class OpenApiHttpCallTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static OpenApiTools tools;

  @BeforeAll
  static void compile() throws Exception {
    tools = OpenApiTools.compile(OpenApiCompilerTest.petstore());
  }

  private static HttpCall call(String tool, String arguments) throws Exception {
    JsonNode args = arguments == null ? null : JSON.readTree(arguments);
    return HttpCall.of(tools.operation(tool), args);
  }

  private static String refusal(String tool, String arguments) {
    return assertThrows(IllegalArgumentException.class, () -> call(tool, arguments)).getMessage();
  }

  @Test
  void aSlashOrSpaceInAPathParameterStaysInsideItsSegment() throws Exception {
    assertEquals(
        "/pets/a%2Fb%20c", call("getPet", "{\"path\":{\"petId\":\"a/b c\"}}").pathAndQuery());
    assertEquals(
        "/pets/..%2Fadmin%3Fx%3D1%23f",
        call("getPet", "{\"path\":{\"petId\":\"../admin?x=1#f\"}}").pathAndQuery());
    assertEquals(
        "/pets/%C3%A9t%C3%A9~_-.",
        call("getPet", "{\"path\":{\"petId\":\"été~_-.\"}}").pathAndQuery());
    assertEquals("/pets/42", call("getPet", "{\"path\":{\"petId\":42}}").pathAndQuery());
  }

  @Test
  void dotSegmentsAndEmptyPathParametersAreRefused() {
    assertEquals(
        "path parameter 'petId' cannot be empty, '.' or '..'",
        refusal("getPet", "{\"path\":{\"petId\":\"..\"}}"));
    assertEquals(
        "path parameter 'petId' cannot be empty, '.' or '..'",
        refusal("getPet", "{\"path\":{\"petId\":\"\"}}"));
  }

  @Test
  void aMissingRequiredParameterIsNamed() {
    assertEquals("missing required path parameter 'petId'", refusal("getPet", "{}"));
    assertEquals("missing required path parameter 'petId'", refusal("getPet", null));
    assertEquals("missing required body", refusal("createPet", "{}"));
    assertEquals(
        "path parameter 'petId' must be a string, number or boolean",
        refusal("getPet", "{\"path\":{\"petId\":{\"a\":1}}}"));
  }

  @Test
  void queryParametersAreEncodedAndArraysRepeated() throws Exception {
    HttpCall c = call("listPets", "{\"query\":{\"limit\":5,\"tag\":[\"a&b=c\",\"d e\"]}}");
    assertEquals("/pets?limit=5&tag=a%26b%3Dc&tag=d%20e", c.pathAndQuery());
    assertEquals("GET", c.method());
    assertNull(c.body());
    assertEquals("/pets", call("listPets", "{}").pathAndQuery());
  }

  @Test
  void headerParametersAreSetAndLineBreaksRefused() throws Exception {
    HttpCall c = call("listPets", "{\"header\":{\"X-Request-Id\":\"r-1\"}}");
    assertEquals(List.of(Map.entry("X-Request-Id", "r-1")), c.headers());
    assertEquals(
        "header parameter 'X-Request-Id' cannot hold a line break",
        refusal("listPets", "{\"header\":{\"X-Request-Id\":\"a\\r\\nEvil: 1\"}}"));
  }

  @Test
  void theBodyIsSentAsJson() throws Exception {
    HttpCall c = call("createPet", "{\"body\":{\"name\":\"Rex\",\"tags\":[\"dog\"]}}");
    assertEquals("POST", c.method());
    assertEquals("/pets", c.pathAndQuery());
    assertArrayEquals(
        "{\"name\":\"Rex\",\"tags\":[\"dog\"]}".getBytes(StandardCharsets.UTF_8), c.body());
  }

  @Test
  void argumentsMustBeAnObject() {
    assertEquals("arguments must be an object", refusal("listPets", "[1]"));
  }
}
