package dev.agentgateway.proxy.llm.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.proxy.llm.TokenUsage;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The relay writes each client event before the provider sends its next byte. */
class StreamRelayTest {
  private static final long WAIT_SECONDS = 30;

  /** A sink the test thread can wait on. */
  static final class QueueSink implements EventSink {
    final BlockingQueue<String> events = new LinkedBlockingQueue<>();

    @Override
    public void emit(String event, String data) {
      events.add((event == null ? "" : event + "|") + data);
    }

    String next() throws InterruptedException {
      String e = events.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertNotNull(e, "no event was relayed");
      return e;
    }
  }

  private static void send(PipedOutputStream upstream, String sse) throws IOException {
    upstream.write(sse.getBytes(StandardCharsets.UTF_8));
    upstream.flush();
  }

  @Test
  void emitsEachClientEventBeforeTheNextProviderEventArrives() throws Exception {
    PipedOutputStream upstream = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(upstream, 1 << 16);
    QueueSink sink = new QueueSink();
    StreamTranslator t =
        new AnthropicToChatStream(StreamContext.of("claude", true, false), StreamListener.NONE);
    CompletableFuture<TokenUsage> done =
        CompletableFuture.supplyAsync(
            () -> StreamRelay.relay(in, ProviderFormat.ANTHROPIC_MESSAGES, t, sink),
            r -> Thread.ofVirtual().start(r));

    send(
        upstream,
        "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"model\":\"claude\",\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}\n\n");
    assertTrue(sink.next().contains("\"role\":\"assistant\""));
    // half an event: nothing may be emitted until its blank line arrives
    send(
        upstream,
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,");
    send(upstream, "\"delta\":{\"type\":\"text_delta\",\"text\":\"Hel\"}}\n\n");
    assertTrue(sink.next().contains("\"content\":\"Hel\""));
    send(
        upstream,
        "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"lo\"}}\n\n");
    assertTrue(sink.next().contains("\"content\":\"lo\""));
    send(
        upstream,
        "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\"},\"usage\":{\"output_tokens\":3}}\n\n");
    assertTrue(sink.next().contains("\"finish_reason\":\"stop\""));
    send(upstream, "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
    assertEquals("[DONE]", sink.next());
    assertEquals(new TokenUsage(10, 0, 0, 3, 0, 10), done.get(WAIT_SECONDS, TimeUnit.SECONDS));
    upstream.close();
  }

  @Test
  void aProviderThatHangsUpMidStreamGetsTheClientAnErrorEvent() throws Exception {
    PipedOutputStream upstream = new PipedOutputStream();
    PipedInputStream in = new PipedInputStream(upstream, 1 << 16);
    QueueSink sink = new QueueSink();
    StreamTranslator t =
        new ChatToAnthropicStream(StreamContext.of("gpt", true, false), StreamListener.NONE);
    CompletableFuture<TokenUsage> done =
        CompletableFuture.supplyAsync(
            () -> StreamRelay.relay(in, ProviderFormat.OPENAI_CHAT, t, sink),
            r -> Thread.ofVirtual().start(r));
    send(
        upstream,
        "data: {\"id\":\"c1\",\"model\":\"gpt\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi\"}}]}\n\n");
    assertTrue(sink.next().startsWith("message_start|"));
    assertTrue(sink.next().startsWith("content_block_start|"));
    assertTrue(sink.next().startsWith("content_block_delta|"));
    upstream.close();
    assertTrue(sink.next().startsWith("error|{\"type\":\"error\""));
    done.get(WAIT_SECONDS, TimeUnit.SECONDS);
    assertEquals(0, sink.events.size());
  }

  @Test
  void stopsReadingTheProviderOnceTheClientIsGone() {
    EventSink gone =
        new EventSink() {
          @Override
          public void emit(String event, String data) {}

          @Override
          public boolean open() {
            return false;
          }
        };
    // an endless provider: the relay must return without reading it
    java.io.InputStream endless =
        new java.io.InputStream() {
          @Override
          public int read() {
            return 'x';
          }
        };
    StreamTranslator t =
        new ChatPassthroughStream(StreamContext.of("gpt", true, false), StreamListener.NONE);
    assertEquals(TokenUsage.NONE, StreamRelay.relay(endless, ProviderFormat.OPENAI_CHAT, t, gone));
  }
}
