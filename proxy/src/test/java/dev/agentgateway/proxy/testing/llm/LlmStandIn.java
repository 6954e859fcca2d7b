package dev.agentgateway.proxy.testing.llm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A local stand-in for an LLM provider on a free loopback port, speaking the provider's real wire
 * format from recorded payloads (see {@code src/test/resources/llm/standin/}). It records every
 * request and can be scripted to fail: {@code
 *
 * try (LlmStandIn openai = LlmStandIn.openAi().start()) {
 *   openai.respondOnceWith(StandInBehaviour.status(503));   // the next request only
 *   openai.respondWith(StandInBehaviour.chunkDelay(Duration.ofMillis(200)));  // all after it
 *   ... point a provider's hostOverride / baseUrl at openai.baseUrl() ...
 *   openai.requests();   // what arrived, headers and body
 * }
 * }
 */
public final class LlmStandIn implements AutoCloseable {
  /** The providers a stand-in can play. */
  public enum Provider {
    OPENAI,
    ANTHROPIC,
    GEMINI,
    BEDROCK,
    VERTEX,
    AZURE
  }

  private final Provider provider;
  private final ProviderWire wire;
  private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Deque<StandInBehaviour> once = new ArrayDeque<>();
  private StandInBehaviour behaviour = StandInBehaviour.normal();
  private MiniHttpServer server;

  private LlmStandIn(Provider provider, ProviderWire wire) {
    this.provider = provider;
    this.wire = wire;
  }

  /** OpenAI: chat completions, responses, embeddings, models under {@code /v1}. */
  public static LlmStandIn openAi() {
    return new LlmStandIn(Provider.OPENAI, new OpenAiWire());
  }

  /** Anthropic: messages, count_tokens, models under {@code /v1}. */
  public static LlmStandIn anthropic() {
    return new LlmStandIn(Provider.ANTHROPIC, new AnthropicWire());
  }

  /** Gemini: {@code /v1beta/models/{model}:generateContent} and its streaming sibling. */
  public static LlmStandIn gemini() {
    return new LlmStandIn(Provider.GEMINI, new GeminiWire());
  }

  /** Bedrock Runtime: Converse and ConverseStream. */
  public static LlmStandIn bedrock() {
    return new LlmStandIn(Provider.BEDROCK, new BedrockWire());
  }

  /** Vertex AI: Gemini and Claude models under {@code /v1/projects/...}. */
  public static LlmStandIn vertex() {
    return new LlmStandIn(Provider.VERTEX, new VertexWire());
  }

  /** Azure OpenAI: the v1 API and dated deployments under {@code /openai}. */
  public static LlmStandIn azure() {
    return new LlmStandIn(Provider.AZURE, new AzureWire());
  }

  /** Starts listening on a free loopback port. */
  public LlmStandIn start() {
    try {
      server = new MiniHttpServer(this::handle);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public Provider provider() {
    return provider;
  }

  public int port() {
    return server.port();
  }

  /** {@code http://127.0.0.1:<port>} (no path). */
  public String baseUrl() {
    return "http://127.0.0.1:" + port();
  }

  /** Answers every request from now on (after any queued one-shot behaviours) this way. */
  public LlmStandIn respondWith(StandInBehaviour b) {
    lock.lock();
    try {
      behaviour = Objects.requireNonNull(b);
    } finally {
      lock.unlock();
    }
    return this;
  }

  /** Answers the next unanswered request this way; several calls queue in order. */
  public LlmStandIn respondOnceWith(StandInBehaviour b) {
    lock.lock();
    try {
      once.addLast(Objects.requireNonNull(b));
    } finally {
      lock.unlock();
    }
    return this;
  }

  /** Every request received so far, in arrival order. */
  public List<RecordedRequest> requests() {
    return List.copyOf(requests);
  }

  /** The last request received. */
  public RecordedRequest lastRequest() {
    if (requests.isEmpty()) {
      throw new IllegalStateException("no request received");
    }
    return requests.get(requests.size() - 1);
  }

  private MiniHttpServer.Action handle(RecordedRequest request) {
    requests.add(request);
    StandInBehaviour b;
    lock.lock();
    try {
      b = once.isEmpty() ? behaviour : once.removeFirst();
    } finally {
      lock.unlock();
    }
    return switch (b) {
      case StandInBehaviour.Hang h -> new MiniHttpServer.Stall(h.duration());
      case StandInBehaviour.Error e -> send(wire.error(e.status()));
      case StandInBehaviour.Garbage g ->
          send(
              new Reply(
                  200,
                  Map.of("content-type", "application/json"),
                  "{\"id\": \"chatcmpl-\u0000<html>502 Bad Gateway".getBytes(StandardCharsets.UTF_8),
                  null));
      case StandInBehaviour.Normal n ->
          new MiniHttpServer.Send(wire.answer(request), n.chunkDelay(), n.cutAfter());
    };
  }

  private static MiniHttpServer.Action send(Reply reply) {
    return new MiniHttpServer.Send(reply, java.time.Duration.ZERO, Integer.MAX_VALUE);
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }

  @Override
  public String toString() {
    return "LlmStandIn[" + provider + (server == null ? "" : " " + baseUrl()) + "]";
  }
}
