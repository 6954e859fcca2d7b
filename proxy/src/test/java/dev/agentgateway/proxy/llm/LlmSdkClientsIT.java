package dev.agentgateway.proxy.llm;

import static dev.agentgateway.proxy.llm.AiBackends.groups;
import static dev.agentgateway.proxy.llm.AiBackends.provider;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.proxy.testing.NodePeers;
import dev.agentgateway.proxy.testing.ProxyFixture;
import dev.agentgateway.proxy.testing.llm.LlmStandIn;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official OpenAI and Anthropic SDKs (npm) talk to the gateway: a client speaking the
 * provider's own API gets exactly what a direct call gives; a client speaking another API gets a
 * translated answer its SDK parses (chat plain, streamed and with tool calls; Responses; Messages)
 * from every provider stand-in.
 */
class LlmSdkClientsIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String BEDROCK_MODEL = "anthropic.claude-3-haiku-20240307-v1:0";
  private static LlmStandIn openai;
  private static LlmStandIn anthropic;
  private static LlmStandIn gemini;
  private static LlmStandIn bedrock;
  private static LlmStandIn vertex;
  private static LlmStandIn azure;
  private static ProxyFixture proxy;

  @BeforeAll
  static void start() {
    openai = LlmStandIn.openAi().start();
    anthropic = LlmStandIn.anthropic().start();
    gemini = LlmStandIn.gemini().start();
    bedrock = LlmStandIn.bedrock().start();
    vertex = LlmStandIn.vertex().start();
    azure = LlmStandIn.azure().start();
    proxy =
        ProxyFixture.start(
            AiBackends.route(
                "openai", "/openai", groups("openai", provider("oa", openai)), RoutePolicies.NONE),
            AiBackends.route(
                "anthropic",
                "/anthropic",
                groups("anthropic", provider("an", anthropic)),
                RoutePolicies.NONE),
            AiBackends.route(
                "gemini", "/gemini", groups("gemini", provider("ge", gemini)), RoutePolicies.NONE),
            AiBackends.route(
                "bedrock",
                "/bedrock",
                groups("bedrock", provider("br", bedrock)),
                RoutePolicies.NONE),
            AiBackends.route(
                "vertex", "/vertex", groups("vertex", provider("vx", vertex)), RoutePolicies.NONE),
            AiBackends.route(
                "azure", "/azure", groups("azure", provider("az", azure)), RoutePolicies.NONE));
  }

  @AfterAll
  static void stop() {
    proxy.close();
    openai.close();
    anthropic.close();
    gemini.close();
    bedrock.close();
    vertex.close();
    azure.close();
  }

  /** The JSON lines a client script printed (arrival times removed), after it exited with 0. */
  private static List<JsonNode> run(String script, String... args) throws Exception {
    try (NodePeers.Peer peer = NodePeers.start("llm-gateway-sdk", Map.of(), false, script, args)) {
      byte[] out = peer.process().getInputStream().readAllBytes();
      assertTrue(peer.process().waitFor(60, TimeUnit.SECONDS), "client did not exit");
      String text = new String(out, StandardCharsets.UTF_8);
      assertEquals(0, peer.process().exitValue(), text);
      List<JsonNode> lines = new ArrayList<>();
      for (String line : text.split("\n")) {
        if (!line.isBlank()) {
          ObjectNode node = (ObjectNode) JSON.readTree(line);
          node.remove("t");
          lines.add(node);
        }
      }
      return lines;
    }
  }

  private static List<JsonNode> openAi(String baseUrl, String mode, String... model)
      throws Exception {
    List<String> args = new ArrayList<>(List.of(baseUrl, mode));
    args.addAll(List.of(model));
    return run("scripts/openai-client.mjs", args.toArray(String[]::new));
  }

  private static JsonNode last(List<JsonNode> lines) {
    return lines.get(lines.size() - 1);
  }

  @Test
  void openAiSdkThroughTheGatewayGetsWhatADirectCallGets() throws Exception {
    for (String mode :
        List.of("chat", "chat-tools", "chat-stream", "responses", "responses-stream")) {
      List<JsonNode> direct = openAi(openai.baseUrl() + "/v1", mode);
      List<JsonNode> gateway = openAi(proxy.url("/openai/v1"), mode);
      assertEquals(direct, gateway, mode);
    }
    assertEquals("Bearer " + AiBackends.OPENAI_KEY, openai.lastRequest().header("authorization"));
  }

  @Test
  void openAiSdkGetsTranslatedAnswersFromAnthropicGeminiAndBedrock() throws Exception {
    for (String[] target :
        List.of(
            new String[] {"/anthropic/v1", "gpt-4o-mini"},
            new String[] {"/gemini/v1", "gemini-2.5-flash"},
            new String[] {"/bedrock/v1", BEDROCK_MODEL})) {
      String base = proxy.url(target[0]);
      JsonNode chat = last(openAi(base, "chat", target[1]));
      assertEquals("Hello! How can I help you today?", chat.get("content").asText(), target[0]);
      assertEquals("stop", chat.get("finish_reason").asText(), target[0]);
      assertTrue(chat.at("/usage/total_tokens").asInt() > 0, target[0]);
      JsonNode stream = last(openAi(base, "chat-stream", target[1]));
      assertEquals("Hello! How can I help you today?", stream.get("text").asText(), target[0]);
      assertEquals("stop", stream.get("finish_reason").asText(), target[0]);
      assertTrue(stream.at("/usage/completion_tokens").asInt() > 0, target[0]);
      JsonNode tools = last(openAi(base, "chat-tools", target[1]));
      assertEquals("tool_calls", tools.get("finish_reason").asText(), target[0]);
      assertEquals("get_weather", tools.at("/tool_calls/0/name").asText(), target[0]);
      assertFalse(tools.at("/tool_calls/0/arguments/location").asText().isEmpty(), target[0]);
      JsonNode responses = last(openAi(base, "responses", target[1]));
      assertEquals("completed", responses.get("status").asText(), target[0]);
      assertEquals(
          "Hello! How can I help you today?", responses.get("output_text").asText(), target[0]);
      assertTrue(responses.at("/usage/output_tokens").asInt() > 0, target[0]);
      List<JsonNode> events = openAi(base, "responses-stream", target[1]);
      assertEquals("response.created", events.get(0).get("type").asText(), target[0]);
      JsonNode done = last(events);
      assertEquals("Hello! How can I help you today?", done.get("text").asText(), target[0]);
      assertTrue(done.at("/usage/output_tokens").asInt() > 0, target[0]);
    }
    assertTrue(bedrock.lastRequest().header("authorization").startsWith("AWS4-HMAC-SHA256"));
    assertEquals(AiBackends.GEMINI_KEY, gemini.lastRequest().header("x-goog-api-key"));
  }

  @Test
  void openAiAndAnthropicSdksReachVertexGeminiAndClaudeAndAzure() throws Exception {
    String vertexBase = proxy.url("/vertex/v1");
    JsonNode gemini = last(openAi(vertexBase, "chat", "gemini-2.5-flash"));
    assertEquals("Hello! How can I help you today?", gemini.get("content").asText());
    assertEquals(
        "/v1/projects/standin-project/locations/us-east5/publishers/google/models/"
            + "gemini-2.5-flash:generateContent",
        vertex.lastRequest().path());
    assertEquals("Bearer " + AiBackends.VERTEX_TOKEN, vertex.lastRequest().header("authorization"));
    JsonNode geminiStream = last(openAi(vertexBase, "chat-stream", "gemini-2.5-flash"));
    assertEquals("Hello! How can I help you today?", geminiStream.get("text").asText());
    assertEquals("alt=sse", vertex.lastRequest().query());

    JsonNode claude = last(openAi(vertexBase, "chat", "claude-sonnet-4-5"));
    assertEquals("Hello! How can I help you today?", claude.get("content").asText());
    assertTrue(
        vertex.lastRequest().path().endsWith("/anthropic/models/claude-sonnet-4-5:rawPredict"));
    List<JsonNode> messages =
        run(
            "scripts/anthropic-client.mjs",
            proxy.url("/vertex"),
            "messages-stream",
            "claude-sonnet-4-5");
    assertEquals("end_turn", last(messages).get("stop_reason").asText());
    assertTrue(vertex.lastRequest().path().endsWith(":streamRawPredict"));

    String azureBase = proxy.url("/azure/v1");
    for (String mode : List.of("chat", "chat-tools", "chat-stream")) {
      List<JsonNode> direct = openAi(openai.baseUrl() + "/v1", mode, "gpt-4o-mini");
      assertEquals(direct, openAi(azureBase, mode, "gpt-4o-mini"), mode);
    }
    assertEquals("/openai/deployments/gpt-4o-mini/chat/completions", azure.lastRequest().path());
    assertEquals("api-version=2024-10-21", azure.lastRequest().query());
    assertEquals(AiBackends.AZURE_KEY, azure.lastRequest().header("api-key"));
  }

  @Test
  void anthropicSdkThroughTheGatewayGetsWhatADirectCallGets() throws Exception {
    for (String mode : List.of("messages", "messages-stream")) {
      List<JsonNode> direct = run("scripts/anthropic-client.mjs", anthropic.baseUrl(), mode);
      List<JsonNode> gateway = run("scripts/anthropic-client.mjs", proxy.url("/anthropic"), mode);
      assertEquals(direct, gateway, mode);
    }
  }

  @Test
  void anthropicSdkGetsTranslatedAnswersFromOpenAi() throws Exception {
    String base = proxy.url("/openai");
    JsonNode messages = run("scripts/anthropic-client.mjs", base, "messages", "gpt-4o-mini").get(0);
    assertEquals("Hello! How can I assist you today?", messages.get("text").asText());
    assertEquals("end_turn", messages.get("stop_reason").asText());
    assertTrue(messages.at("/usage/output_tokens").asInt() > 0);
    List<JsonNode> stream =
        run("scripts/anthropic-client.mjs", base, "messages-stream", "gpt-4o-mini");
    assertEquals("message_start", stream.get(0).get("type").asText());
    JsonNode done = last(stream);
    assertEquals("Hello! How can I assist you today?", done.get("text").asText());
    assertEquals("end_turn", done.get("stop_reason").asText());
    assertEquals("/v1/chat/completions", openai.lastRequest().path());
  }

  @Test
  void anthropicSdkGetsTranslatedAnswersFromGeminiAndBedrock() throws Exception {
    for (String[] target :
        List.of(
            new String[] {"/gemini", "gemini-2.5-flash"},
            new String[] {"/bedrock", BEDROCK_MODEL})) {
      String base = proxy.url(target[0]);
      JsonNode messages = run("scripts/anthropic-client.mjs", base, "messages", target[1]).get(0);
      assertEquals("Hello! How can I help you today?", messages.get("text").asText(), target[0]);
      assertEquals("end_turn", messages.get("stop_reason").asText(), target[0]);
      assertTrue(messages.at("/usage/output_tokens").asInt() > 0, target[0]);
      List<JsonNode> stream =
          run("scripts/anthropic-client.mjs", base, "messages-stream", target[1]);
      assertEquals("message_start", stream.get(0).get("type").asText(), target[0]);
      JsonNode done = last(stream);
      assertEquals("Hello! How can I help you today?", done.get("text").asText(), target[0]);
      assertEquals("end_turn", done.get("stop_reason").asText(), target[0]);
      assertTrue(done.at("/usage/output_tokens").asInt() > 0, target[0]);
    }
  }
}
