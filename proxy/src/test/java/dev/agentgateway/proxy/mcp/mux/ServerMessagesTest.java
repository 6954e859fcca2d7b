package dev.agentgateway.proxy.mcp.mux;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;
import org.junit.jupiter.api.Test;

class ServerMessagesTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static JsonRpcMessage.Response response(String result) throws Exception {
    return new JsonRpcMessage.Response(IntNode.valueOf(1), JSON.readTree(result));
  }

  @Test
  void readContentsAnswerUnderTheQualifiedUriTheClientAskedFor() throws Exception {
    JsonRpcMessage out =
        ServerMessages.answerToClient(
            "docs",
            "resources/read",
            response("{\"contents\":[{\"uri\":\"file:///a.md\",\"text\":\"hi\"}]}"));
    assertEquals(
        "docs+file:///a.md",
        ((JsonRpcMessage.Response) out).result().get("contents").get(0).get("uri").asText());
  }

  @Test
  void toolResultsLinkAndEmbedResourcesByQualifiedUri() throws Exception {
    JsonRpcMessage out =
        ServerMessages.answerToClient(
            "docs",
            "tools/call",
            response(
                "{\"content\":[{\"type\":\"text\",\"text\":\"t\"},"
                    + "{\"type\":\"resource_link\",\"uri\":\"file:///b\",\"name\":\"b\"},"
                    + "{\"type\":\"resource\",\"resource\":{\"uri\":\"file:///c\",\"text\":\"c\"}}]}"));
    var content = ((JsonRpcMessage.Response) out).result().get("content");
    assertEquals("docs+file:///b", content.get(1).get("uri").asText());
    assertEquals("docs+file:///c", content.get(2).get("resource").get("uri").asText());
  }

  @Test
  void answersWithoutUrisAreNotCopied() throws Exception {
    JsonRpcMessage.Response plain =
        response("{\"content\":[{\"type\":\"text\",\"text\":\"Echo: x\"}]}");
    assertSame(plain, ServerMessages.answerToClient("docs", "tools/call", plain));
  }
}
