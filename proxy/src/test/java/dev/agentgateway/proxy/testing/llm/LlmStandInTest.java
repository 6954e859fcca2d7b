package dev.agentgateway.proxy.testing.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentgateway.model.ir.AiProvider;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.BackendAuth;
import dev.agentgateway.model.ir.Secret;
import dev.agentgateway.proxy.llm.provider.ProviderAuth;
import dev.agentgateway.proxy.llm.provider.ProviderEndpoint;
import dev.agentgateway.proxy.llm.provider.ProviderEndpoints;
import dev.agentgateway.proxy.llm.provider.RouteType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The stand-ins answer in each provider's wire format and fail on demand. */
class LlmStandInTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @AfterAll
  static void closeClient() {
    HTTP.close();
  }

  private static HttpResponse<String> post(
      String url, String body, Map<String, String> headers, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(timeout)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> post(String url, String body, Map<String, String> headers)
      throws IOException, InterruptedException {
    return post(url, body, headers, Duration.ofSeconds(10));
  }

  private static final Map<String, String> BEARER =
      Map.of("authorization", "Bearer sk-test", "content-type", "application/json");
  private static final String CHAT =
      "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

  private static JsonNode json(String text) throws IOException {
    return Payloads.JSON.readTree(text);
  }

  @Test
  void openAiAnswersChatWithTheRequestedModelAndRecordsTheRequest() throws Exception {
    try (LlmStandIn openai = LlmStandIn.openAi().start()) {
      HttpResponse<String> r = post(openai.baseUrl() + "/v1/chat/completions", CHAT, BEARER);
      assertEquals(200, r.statusCode());
      JsonNode body = json(r.body());
      assertEquals("gpt-4o-mini", body.get("model").asText());
      assertEquals("chat.completion", body.get("object").asText());
      assertEquals(29, body.at("/usage/total_tokens").asInt());
      RecordedRequest seen = openai.lastRequest();
      assertEquals("/v1/chat/completions", seen.path());
      assertEquals("Bearer sk-test", seen.header("Authorization"));
      assertEquals(CHAT, seen.bodyText());
    }
  }

  @Test
  void openAiStreamsChunksEndingInDoneWithUsageOnlyWhenAsked() throws Exception {
    try (LlmStandIn openai = LlmStandIn.openAi().start()) {
      String streaming = CHAT.replace("}]}", "}],\"stream\":true}");
      String plain = post(openai.baseUrl() + "/v1/chat/completions", streaming, BEARER).body();
      assertTrue(plain.endsWith("data: [DONE]\n\n"), plain);
      assertFalse(plain.contains("\"choices\":[]"));
      String withUsage =
          post(
                  openai.baseUrl() + "/v1/chat/completions",
                  streaming.replace(
                      "\"stream\":true",
                      "\"stream\":true,\"stream_options\":{\"include_usage\":true}"),
                  BEARER)
              .body();
      assertTrue(withUsage.contains("\"choices\":[],\"usage\":{\"prompt_tokens\":19"), withUsage);
      String tools =
          post(
                  openai.baseUrl() + "/v1/chat/completions",
                  streaming.replace(
                      "\"stream\":true",
                      "\"stream\":true,\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"get_weather\"}}]"),
                  BEARER)
              .body();
      assertTrue(tools.contains("\"finish_reason\":\"tool_calls\""), tools);
    }
  }

  @Test
  void missingKeyIsRefusedInTheProvidersEnvelope() throws Exception {
    try (LlmStandIn openai = LlmStandIn.openAi().start();
        LlmStandIn anthropic = LlmStandIn.anthropic().start()) {
      HttpResponse<String> r =
          post(
              openai.baseUrl() + "/v1/chat/completions",
              CHAT,
              Map.of("content-type", "application/json"));
      assertEquals(401, r.statusCode());
      assertEquals("invalid_request_error", json(r.body()).at("/error/type").asText());
      HttpResponse<String> a =
          post(anthropic.baseUrl() + "/v1/messages", "{}", Map.of("x-api-key", "k"));
      assertEquals(400, a.statusCode());
      assertEquals(
          "anthropic-version: header is required", json(a.body()).at("/error/message").asText());
    }
  }

  @Test
  void scriptedFailuresComeInOrderThenTheStickyBehaviour() throws Exception {
    try (LlmStandIn openai = LlmStandIn.openAi().start()) {
      openai
          .respondOnceWith(StandInBehaviour.status(503))
          .respondOnceWith(StandInBehaviour.tooManyRequests())
          .respondOnceWith(StandInBehaviour.garbage());
      String url = openai.baseUrl() + "/v1/chat/completions";
      HttpResponse<String> unavailable = post(url, CHAT, BEARER);
      assertEquals(503, unavailable.statusCode());
      assertEquals("server_error", json(unavailable.body()).at("/error/type").asText());
      HttpResponse<String> limited = post(url, CHAT, BEARER);
      assertEquals(429, limited.statusCode());
      assertTrue(limited.headers().firstValue("retry-after").isEmpty());
      assertTrue(limited.headers().firstValue("x-ratelimit-reset-requests").isEmpty());
      HttpResponse<String> garbage = post(url, CHAT, BEARER);
      assertEquals(200, garbage.statusCode());
      assertThrows(IOException.class, () -> json(garbage.body()));
      assertEquals(200, post(url, CHAT, BEARER).statusCode());
      assertEquals(4, openai.requests().size());
    }
  }

  @Test
  void aHangingStandInTripsTheClientsTimeout() {
    try (LlmStandIn openai = LlmStandIn.openAi().start()) {
      openai.respondWith(StandInBehaviour.hang(Duration.ofSeconds(30)));
      assertThrows(
          HttpTimeoutException.class,
          () ->
              post(
                  openai.baseUrl() + "/v1/chat/completions", CHAT, BEARER, Duration.ofMillis(300)));
    }
  }

  @Test
  void aCutStreamEndsWithoutItsTerminatingChunk() {
    try (LlmStandIn anthropic = LlmStandIn.anthropic().start()) {
      anthropic.respondWith(StandInBehaviour.cutAfter(3));
      assertThrows(
          IOException.class,
          () ->
              post(
                  anthropic.baseUrl() + "/v1/messages",
                  "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"stream\":true,\"messages\":[]}",
                  Map.of("x-api-key", "k", "anthropic-version", "2023-06-01")));
    }
  }

  @Test
  void delayedChunksArriveOneByOne() throws Exception {
    try (LlmStandIn anthropic = LlmStandIn.anthropic().start()) {
      // 16 events 20 s apart: the first must arrive long before the last is sent.
      anthropic.respondWith(StandInBehaviour.chunkDelay(Duration.ofSeconds(20)));
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(anthropic.baseUrl() + "/v1/messages"))
              .header("x-api-key", "k")
              .header("anthropic-version", "2023-06-01")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"stream\":true,\"messages\":[]}"))
              .build();
      String first =
          assertTimeoutPreemptively(
              Duration.ofSeconds(15),
              () -> {
                HttpResponse<InputStream> r =
                    HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
                try (InputStream in = r.body()) {
                  BufferedReader reader =
                      new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                  return reader.readLine() + "\n" + reader.readLine();
                }
              });
      assertTrue(
          first.startsWith("event: message_start\ndata: {\"type\":\"message_start\""), first);
    }
  }

  @Test
  void anthropicStreamsNamedEventsWithCacheUsage() throws Exception {
    try (LlmStandIn anthropic = LlmStandIn.anthropic().start()) {
      String body =
          post(
                  anthropic.baseUrl() + "/v1/messages",
                  "{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":64,\"stream\":true,\"messages\":[]}",
                  Map.of("x-api-key", "k", "anthropic-version", "2023-06-01"))
              .body();
      List<String> names = new ArrayList<>();
      body.lines().filter(l -> l.startsWith("event: ")).forEach(l -> names.add(l.substring(7)));
      assertEquals("message_start", names.get(0));
      assertEquals("message_stop", names.get(names.size() - 1));
      assertTrue(body.contains("\"cache_read_input_tokens\":1024"), body);
    }
  }

  @Test
  void geminiStreamsSseWithCrlfOnlyWithAltSse() throws Exception {
    try (LlmStandIn gemini = LlmStandIn.gemini().start()) {
      String url = gemini.baseUrl() + "/v1beta/models/gemini-2.5-flash:streamGenerateContent";
      String req = "{\"contents\":[{\"role\":\"user\",\"parts\":[{\"text\":\"hi\"}]}]}";
      HttpResponse<String> sse = post(url + "?alt=sse", req, Map.of("x-goog-api-key", "g"));
      assertTrue(sse.body().startsWith("data: {"), sse.body());
      assertTrue(sse.body().contains("\r\n\r\n"));
      assertTrue(sse.body().contains("\"modelVersion\":\"gemini-2.5-flash\""));
      HttpResponse<String> array = post(url, req, Map.of("x-goog-api-key", "g"));
      assertEquals(3, json(array.body()).size());
      assertEquals(403, post(url + "?alt=sse", req, Map.of()).statusCode());
    }
  }

  @Test
  void bedrockAcceptsASigV4SignedConverseStreamAndFramesItsEvents() throws Exception {
    try (LlmStandIn bedrock = LlmStandIn.bedrock().start()) {
      AiProvider provider =
          new AiProvider(
              "bedrock",
              new AiProvider.Bedrock(null, "us-east-1"),
              new Backend.Host("127.0.0.1", bedrock.port()),
              null,
              null,
              false,
              new BackendAuth.Aws("AKIDEXAMPLE", new Secret("secret"), null, null, null),
              null,
              Map.of());
      ProviderEndpoint endpoint =
          ProviderEndpoints.resolve(
              provider, RouteType.MESSAGES, "anthropic.claude-3-haiku-20240307-v1:0", true);
      byte[] body =
          "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}]}"
              .getBytes(StandardCharsets.UTF_8);
      Map<String, String> signed =
          ProviderAuth.signer(provider, Map.of())
              .sign(
                  "POST",
                  endpoint.path(),
                  endpoint.query(),
                  Map.of("host", endpoint.authority(), "content-type", "application/json"),
                  body,
                  Instant.now());
      HttpRequest.Builder b =
          HttpRequest.newBuilder(endpoint.uri()).POST(HttpRequest.BodyPublishers.ofByteArray(body));
      b.header("content-type", "application/json");
      signed.forEach(b::header);
      HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, r.statusCode(), new String(r.body(), StandardCharsets.UTF_8));
      assertEquals(
          "application/vnd.amazon.eventstream",
          r.headers().firstValue("content-type").orElseThrow());
      List<Map<String, String>> frames = decodeFrames(r.body());
      assertEquals("messageStart", frames.get(0).get(":event-type"));
      assertEquals("metadata", frames.get(frames.size() - 1).get(":event-type"));
      assertTrue(frames.get(frames.size() - 1).get("payload").contains("\"inputTokens\":12"));
      assertEquals(
          "/model/anthropic.claude-3-haiku-20240307-v1%3A0/converse-stream",
          bedrock.lastRequest().path());

      HttpResponse<String> unsigned =
          post(
              bedrock.baseUrl() + "/model/m/converse",
              "{\"messages\":[{}]}",
              Map.of("authorization", "AWS4-HMAC-SHA256 nonsense"));
      assertEquals(403, unsigned.statusCode());
      assertTrue(
          unsigned
              .headers()
              .firstValue("x-amzn-errortype")
              .orElseThrow()
              .startsWith("InvalidSignatureException"));
      assertNull(json(unsigned.body()).get("error"));
    }
  }

  /** An independent event-stream reader: checks both CRCs and reads string headers. */
  private static List<Map<String, String>> decodeFrames(byte[] data) {
    List<Map<String, String>> frames = new ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(data);
    while (b.remaining() > 0) {
      int start = b.position();
      int total = b.getInt();
      int headersLength = b.getInt();
      int preludeCrc = b.getInt();
      assertEquals(crc(data, start, 8), preludeCrc & 0xffffffffL);
      Map<String, String> frame = new LinkedHashMap<>();
      int headersEnd = b.position() + headersLength;
      while (b.position() < headersEnd) {
        byte[] name = new byte[b.get()];
        b.get(name);
        assertEquals(7, b.get());
        byte[] value = new byte[b.getShort()];
        b.get(value);
        frame.put(
            new String(name, StandardCharsets.UTF_8), new String(value, StandardCharsets.UTF_8));
      }
      byte[] payload = new byte[total - 12 - headersLength - 4];
      b.get(payload);
      frame.put("payload", new String(payload, StandardCharsets.UTF_8));
      assertEquals(crc(data, start, total - 4), b.getInt() & 0xffffffffL);
      frames.add(frame);
    }
    return frames;
  }

  private static long crc(byte[] data, int offset, int length) {
    CRC32 crc = new CRC32();
    crc.update(data, offset, length);
    return crc.getValue();
  }
}
