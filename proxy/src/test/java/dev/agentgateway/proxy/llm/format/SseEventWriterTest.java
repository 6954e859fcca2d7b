package dev.agentgateway.proxy.llm.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SseEventWriterTest {

  @Test
  void writesNamedAndDataOnlyEventsAndFlushesEach() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int[] flushes = {0};
    OutputStream out =
        new OutputStream() {
          @Override
          public void write(int b) {
            bytes.write(b);
          }

          @Override
          public void flush() {
            flushes[0]++;
          }
        };
    SseEventWriter writer = new SseEventWriter(out);
    writer.emit("message_stop", "{\"type\":\"message_stop\"}");
    assertEquals(1, flushes[0]);
    writer.emit(null, "[DONE]");
    assertEquals(2, flushes[0]);
    assertEquals(
        "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\ndata: [DONE]\n\n",
        bytes.toString(StandardCharsets.UTF_8));
    assertEquals(bytes.size(), writer.bytes());
  }

  @Test
  void aGoneClientClosesTheSinkInsteadOfThrowing() {
    SseEventWriter writer =
        new SseEventWriter(
            new OutputStream() {
              @Override
              public void write(int b) throws IOException {
                throw new IOException("broken pipe");
              }
            });
    assertTrue(writer.open());
    writer.emit(null, "{}");
    assertFalse(writer.open());
  }
}
