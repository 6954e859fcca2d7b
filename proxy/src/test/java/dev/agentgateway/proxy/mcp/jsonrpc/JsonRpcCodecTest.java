package dev.agentgateway.proxy.mcp.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonRpcCodecTest {

  private static List<JsonRpcMessage> parse(String json) throws JsonRpcException {
    return JsonRpcCodec.parse(json.getBytes(StandardCharsets.UTF_8));
  }

  private static JsonRpcException refused(String json) {
    return assertThrows(JsonRpcException.class, () -> parse(json));
  }

  @Test
  void readsEachKindAndWritesItBackTheSame() throws Exception {
    String[] messages = {
      "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":\"echo\"}}",
      "{\"jsonrpc\":\"2.0\",\"id\":\"a-1\",\"method\":\"ping\"}",
      "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}",
      "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"tools\":[]}}",
      "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"parse error\"}}",
      "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"error\":{\"code\":-1,\"message\":\"m\",\"data\":[1]}}"
    };
    for (String json : messages) {
      JsonRpcMessage m = parse(json).get(0);
      assertEquals(json, new String(JsonRpcCodec.bytes(m), StandardCharsets.UTF_8));
    }
  }

  @Test
  void keepsTheIdsTypeSoAnswersCarryTheExactId() throws Exception {
    var numeric =
        assertInstanceOf(
            JsonRpcMessage.Request.class,
            parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"m\"}").get(0));
    var text =
        assertInstanceOf(
            JsonRpcMessage.Request.class,
            parse("{\"jsonrpc\":\"2.0\",\"id\":\"1\",\"method\":\"m\"}").get(0));
    assertEquals(
        "1",
        JsonRpcCodec.tree(new JsonRpcMessage.Response(numeric.id(), text.id()))
            .get("id")
            .toString());
    assertEquals(
        "\"1\"",
        JsonRpcCodec.tree(new JsonRpcMessage.Response(text.id(), numeric.id()))
            .get("id")
            .toString());
  }

  @Test
  void readsBatchesInOrder() throws Exception {
    List<JsonRpcMessage> batch =
        parse(
            "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"b\"}]");
    assertEquals("a", ((JsonRpcMessage.Request) batch.get(0)).method());
    assertEquals("b", ((JsonRpcMessage.Notification) batch.get(1)).method());
  }

  @Test
  void refusesWhatIsNotJsonRpcWithTheRightCode() {
    assertEquals(JsonRpcErrors.PARSE_ERROR, refused("{not json").code());
    assertEquals(JsonRpcErrors.PARSE_ERROR, refused("").code());
    assertEquals(JsonRpcErrors.INVALID_REQUEST, refused("[]").code());
    assertEquals(JsonRpcErrors.INVALID_REQUEST, refused("42").code());
    assertEquals(
        "invalid request: \"jsonrpc\" must be \"2.0\"",
        refused("{\"id\":1,\"method\":\"m\"}").getMessage());
    assertEquals(
        "invalid request: \"id\" must be a string or an integer",
        refused("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"m\"}").getMessage());
    assertEquals(
        "invalid request: \"id\" must be a string or an integer",
        refused("{\"jsonrpc\":\"2.0\",\"id\":1.5,\"method\":\"m\"}").getMessage());
    assertEquals(
        "invalid request: \"params\" must be an object or an array",
        refused("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"m\",\"params\":3}").getMessage());
    assertEquals(
        "invalid request: a message has a method, or exactly one of result and error",
        refused("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":1,\"error\":{\"code\":1}}").getMessage());
    assertEquals(JsonRpcErrors.INVALID_REQUEST, refused("[1]").code());
  }

  @Test
  void refusesNestingDeeperThanAnyMessageNeeds() {
    String deep = "[".repeat(200) + "]".repeat(200);
    assertEquals(JsonRpcErrors.PARSE_ERROR, refused(deep).code());
  }

  @Test
  void errorsWithoutReadableIdCarryNull() throws Exception {
    var error =
        assertInstanceOf(
            JsonRpcMessage.ErrorResponse.class,
            parse("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,\"message\":\"x\"}}")
                .get(0));
    assertNull(error.id());
  }
}
