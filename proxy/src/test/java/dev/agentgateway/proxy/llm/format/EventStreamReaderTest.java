package dev.agentgateway.proxy.llm.format;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class EventStreamReaderTest {

  static byte[] twoFrames() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(EventStreamEncoder.event("messageStart", "{\"role\":\"assistant\"}"));
    out.writeBytes(
        EventStreamEncoder.event(
            "contentBlockDelta", "{\"contentBlockIndex\":0,\"delta\":{\"text\":\"Hi\"}}"));
    return out.toByteArray();
  }

  @Test
  void decodesFramesAndTheirHeaders() throws IOException {
    EventStreamReader reader = new EventStreamReader(new ByteArrayInputStream(twoFrames()));
    EventStreamMessage first = reader.next();
    assertEquals("messageStart", first.eventType());
    assertEquals("event", first.messageType());
    assertEquals("application/json", first.headers().get(":content-type"));
    assertEquals("{\"role\":\"assistant\"}", first.payloadText());
    assertEquals("contentBlockDelta", reader.next().type());
    assertNull(reader.next());
  }

  @Test
  void decodesFramesSplitAcrossReadsAtEveryOffset() throws IOException {
    byte[] bytes = twoFrames();
    for (int split = 1; split < bytes.length; split++) {
      EventStreamReader reader = new EventStreamReader(new SplitInputStream(bytes, split));
      assertEquals("messageStart", reader.next().type(), "split at " + split);
      assertEquals("contentBlockDelta", reader.next().type(), "split at " + split);
      assertNull(reader.next());
    }
  }

  @Test
  void namesExceptionsByTheirExceptionType() throws IOException {
    byte[] frame = EventStreamEncoder.exception("validationException", "{\"message\":\"bad\"}");
    EventStreamMessage m = new EventStreamReader(new ByteArrayInputStream(frame)).next();
    assertEquals("exception", m.messageType());
    assertEquals("validationException", m.type());
  }

  @Test
  void readsNonStringHeaderTypes() throws IOException {
    // one int32 header (type 4) and one bool-true header (type 0), built by hand
    ByteArrayOutputStream h = new ByteArrayOutputStream();
    h.write(3);
    h.writeBytes("num".getBytes(StandardCharsets.US_ASCII));
    h.write(4);
    h.writeBytes(ByteBuffer.allocate(4).putInt(-7).array());
    h.write(2);
    h.writeBytes("ok".getBytes(StandardCharsets.US_ASCII));
    h.write(0);
    byte[] frame = frame(h.toByteArray(), "{}".getBytes(StandardCharsets.US_ASCII));
    EventStreamMessage m = new EventStreamReader(new ByteArrayInputStream(frame)).next();
    assertEquals(Map.of("num", "-7", "ok", "true"), m.headers());
    assertArrayEquals("{}".getBytes(StandardCharsets.US_ASCII), m.payload());
  }

  @Test
  void refusesABadPreludeChecksum() {
    byte[] bytes = twoFrames();
    bytes[9] ^= 1;
    EventStreamException e =
        assertThrows(
            EventStreamException.class,
            () -> new EventStreamReader(new ByteArrayInputStream(bytes)).next());
    assertEquals("prelude checksum mismatch", e.getMessage());
  }

  @Test
  void refusesABadMessageChecksum() {
    byte[] bytes = twoFrames();
    bytes[20] ^= 1;
    EventStreamException e =
        assertThrows(
            EventStreamException.class,
            () -> new EventStreamReader(new ByteArrayInputStream(bytes)).next());
    assertEquals("message checksum mismatch", e.getMessage());
  }

  @Test
  void refusesAFrameLargerThanTheCapBeforeReadingIt() {
    ByteBuffer prelude = ByteBuffer.allocate(12).putInt(64 * 1024 * 1024).putInt(0);
    CRC32 crc = new CRC32();
    crc.update(prelude.array(), 0, 8);
    prelude.putInt((int) crc.getValue());
    EventStreamException e =
        assertThrows(
            EventStreamException.class,
            () -> new EventStreamReader(new ByteArrayInputStream(prelude.array())).next());
    assertEquals("frame length 67108864 outside 16..16777216", e.getMessage());
  }

  @Test
  void refusesAStreamThatEndsInsideAFrame() {
    byte[] bytes = twoFrames();
    byte[] cut = Arrays.copyOf(bytes, bytes.length - 3);
    EventStreamReader reader = new EventStreamReader(new ByteArrayInputStream(cut));
    EventStreamException e =
        assertThrows(
            EventStreamException.class,
            () -> {
              reader.next();
              reader.next();
            });
    assertEquals("the stream ended inside a frame", e.getMessage());
    assertThrows(
        EventStreamException.class,
        () -> new EventStreamReader(new ByteArrayInputStream(Arrays.copyOf(bytes, 5))).next());
  }

  @Test
  void refusesHeadersThatRunPastTheirSection() {
    byte[] frame = frame(new byte[] {5, 'a'}, new byte[0]);
    EventStreamException e =
        assertThrows(
            EventStreamException.class,
            () -> new EventStreamReader(new ByteArrayInputStream(frame)).next());
    assertEquals("a header runs past the headers section", e.getMessage());
  }

  static byte[] frame(byte[] headers, byte[] payload) {
    int total = 12 + headers.length + payload.length + 4;
    ByteBuffer b = ByteBuffer.allocate(total).putInt(total).putInt(headers.length);
    CRC32 crc = new CRC32();
    crc.update(b.array(), 0, 8);
    b.putInt((int) crc.getValue()).put(headers).put(payload);
    crc.update(b.array(), 8, total - 12);
    b.putInt((int) crc.getValue());
    return b.array();
  }

  /** Returns the bytes in reads of at most {@code chunk} bytes. */
  static final class SplitInputStream extends ByteArrayInputStream {
    private final int chunk;

    SplitInputStream(byte[] bytes, int chunk) {
      super(bytes);
      this.chunk = chunk;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) {
      return super.read(b, off, Math.min(len, chunk));
    }
  }
}
