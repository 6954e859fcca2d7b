package dev.agentgateway.proxy.testing.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentgateway.proxy.testing.NodePeers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official OpenAI and Anthropic SDKs (npm {@code openai}, {@code @anthropic-ai/sdk}) talk
 * straight to the stand-ins and parse every answer: the stand-ins are faithful enough to the real
 * wire formats for the gateway's tests to rely on them.
 */
class SdkClientsAgainstStandInsIT {
  private static LlmStandIn openai;
  private static LlmStandIn anthropic;

  @BeforeAll
  static void start() {
    openai = LlmStandIn.openAi().start();
    anthropic = LlmStandIn.anthropic().start();
  }

  @AfterAll
  static void stop() {
    openai.close();
    anthropic.close();
  }

  /** The JSON lines a client script printed, after it exited with {@code exitCode}. */
  private static List<JsonNode> run(int exitCode, String script, String... args)
      throws IOException, InterruptedException {
    try (NodePeers.Peer peer = NodePeers.start("llm-sdk-client", Map.of(), false, script, args)) {
      byte[] out = peer.process().getInputStream().readAllBytes();
      assertTrue(peer.process().waitFor(60, TimeUnit.SECONDS), "client did not exit");
      String text = new String(out, StandardCharsets.UTF_8);
      assertEquals(exitCode, peer.process().exitValue(), text);
      List<JsonNode> lines = new ArrayList<>();
      for (String line : text.split("\n")) {
        if (!line.isBlank()) {
          lines.add(Payloads.JSON.readTree(line));
        }
      }
      return lines;
    }
  }

  private static JsonNode openAi(String mode) throws Exception {
    List<JsonNode> lines = run(0, "scripts/openai-client.mjs", openai.baseUrl() + "/v1", mode);
    return lines.get(lines.size() - 1);
  }

  @Test
  void openAiChatAndToolCallsParse() throws Exception {
    JsonNode chat = openAi("chat");
    assertEquals("gpt-4o-mini", chat.get("model").asText());
    assertEquals("Hello! How can I assist you today?", chat.get("content").asText());
    assertEquals(29, chat.at("/usage/total_tokens").asInt());
    JsonNode tools = openAi("chat-tools");
    assertEquals("tool_calls", tools.get("finish_reason").asText());
    assertEquals("get_weather", tools.at("/tool_calls/0/name").asText());
    assertEquals("Paris, France", tools.at("/tool_calls/0/arguments/location").asText());
    assertEquals("Bearer sk-standin", openai.lastRequest().header("authorization"));
  }

  @Test
  void openAiChatStreamParsesEveryChunkAndTheUsageChunk() throws Exception {
    List<JsonNode> lines =
        run(0, "scripts/openai-client.mjs", openai.baseUrl() + "/v1", "chat-stream");
    JsonNode done = lines.get(lines.size() - 1);
    assertEquals("Hello! How can I assist you today?", done.get("text").asText());
    assertEquals("stop", done.get("finish_reason").asText());
    assertEquals(19, done.at("/usage/prompt_tokens").asInt());
    assertEquals(12, lines.size() - 1, "one line per chunk");
    assertTrue(lines.get(0).has("t"));
  }

  @Test
  void openAiResponsesEmbeddingsAndModelsParse() throws Exception {
    JsonNode responses = openAi("responses");
    assertEquals("completed", responses.get("status").asText());
    assertTrue(responses.get("output_text").asText().startsWith("In a peaceful grove"));
    List<JsonNode> stream =
        run(0, "scripts/openai-client.mjs", openai.baseUrl() + "/v1", "responses-stream");
    assertEquals("response.created", stream.get(0).get("type").asText());
    JsonNode done = stream.get(stream.size() - 1);
    assertEquals(responses.get("output_text").asText(), done.get("text").asText());
    assertEquals(123, done.at("/usage/total_tokens").asInt());
    JsonNode embeddings = openAi("embeddings");
    assertEquals(8, embeddings.get("dimensions").asInt());
    assertEquals(0.0023064255, embeddings.get("first").asDouble(), 1e-6);
    assertTrue(openAi("models").get("models").toString().contains("gpt-4o-mini"));
  }

  @Test
  void openAiSdkSeesTheScriptedErrorsAsApiErrors() throws Exception {
    openai.respondOnceWith(StandInBehaviour.tooManyRequests());
    List<JsonNode> lines = run(2, "scripts/openai-client.mjs", openai.baseUrl() + "/v1", "chat");
    assertEquals("RateLimitError", lines.get(0).at("/error/name").asText());
    assertEquals(429, lines.get(0).at("/error/status").asInt());
  }

  @Test
  void anthropicMessagesStreamAndCountTokensParse() throws Exception {
    JsonNode messages =
        run(0, "scripts/anthropic-client.mjs", anthropic.baseUrl(), "messages").get(0);
    assertEquals("Hello! How can I help you today?", messages.get("text").asText());
    assertEquals(1024, messages.at("/usage/cache_read_input_tokens").asInt());
    RecordedRequest seen = anthropic.lastRequest();
    // SDK 1.x sends the key as a Bearer token; older ones used x-api-key. The API takes both.
    assertTrue(
        "sk-ant-standin".equals(seen.header("x-api-key"))
            || "Bearer sk-ant-standin".equals(seen.header("authorization")),
        seen.headers().toString());
    assertTrue(seen.header("anthropic-version") != null);
    List<JsonNode> stream =
        run(0, "scripts/anthropic-client.mjs", anthropic.baseUrl(), "messages-stream");
    assertEquals("message_start", stream.get(0).get("type").asText());
    JsonNode done = stream.get(stream.size() - 1);
    assertEquals("Hello! How can I help you today?", done.get("text").asText());
    assertEquals("end_turn", done.get("stop_reason").asText());
    assertEquals(9, done.at("/usage/output_tokens").asInt());
    assertEquals(
        14,
        run(0, "scripts/anthropic-client.mjs", anthropic.baseUrl(), "count-tokens")
            .get(0)
            .get("input_tokens")
            .asInt());
  }

  @Test
  void anthropicSdkSeesAnOverloadAsAnApiError() throws Exception {
    anthropic.respondOnceWith(StandInBehaviour.status(529));
    JsonNode error = run(2, "scripts/anthropic-client.mjs", anthropic.baseUrl(), "messages").get(0);
    assertEquals(529, error.at("/error/status").asInt());
    assertEquals("overloaded_error", error.at("/error/type").asText());
  }

  @Test
  void aStreamWithDelayedChunksReachesTheClientChunkByChunk() throws Exception {
    openai.respondOnceWith(StandInBehaviour.chunkDelay(Duration.ofMillis(150)));
    List<JsonNode> lines =
        run(0, "scripts/openai-client.mjs", openai.baseUrl() + "/v1", "chat-stream");
    long first = lines.get(0).get("t").asLong();
    long last = lines.get(lines.size() - 2).get("t").asLong();
    // Chunks are sent 150 ms apart, so a client that got them all at once saw no spread at all.
    assertTrue(last > first, "chunks arrived together: " + first + " " + last);
  }
}
