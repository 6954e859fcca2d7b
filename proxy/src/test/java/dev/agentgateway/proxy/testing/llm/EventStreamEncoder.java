package dev.agentgateway.proxy.testing.llm;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * Encodes AWS event-stream frames (Bedrock ConverseStream's {@code
 * application/vnd.amazon.eventstream}): a prelude of total and header lengths with its CRC32,
 * string headers, the payload, and a CRC32 of everything before it.
 */
public final class EventStreamEncoder {
  private static final int PRELUDE = 12;
  private static final int STRING_TYPE = 7;

  private EventStreamEncoder() {}

  /** One frame with these string headers (in order) and payload. */
  public static byte[] frame(Map<String, String> headers, byte[] payload) {
    ByteArrayOutputStream h = new ByteArrayOutputStream();
    headers.forEach(
        (name, value) -> {
          byte[] n = name.getBytes(StandardCharsets.UTF_8);
          byte[] v = value.getBytes(StandardCharsets.UTF_8);
          h.write(n.length);
          h.writeBytes(n);
          h.write(STRING_TYPE);
          h.write((v.length >> 8) & 0xff);
          h.write(v.length & 0xff);
          h.writeBytes(v);
        });
    byte[] headerBytes = h.toByteArray();
    int total = PRELUDE + headerBytes.length + payload.length + 4;
    ByteBuffer b = ByteBuffer.allocate(total);
    b.putInt(total).putInt(headerBytes.length);
    b.putInt((int) crc(b.array(), 0, 8));
    b.put(headerBytes).put(payload);
    b.putInt((int) crc(b.array(), 0, total - 4));
    return b.array();
  }

  /** A Bedrock event frame: {@code :event-type}, JSON content, message type {@code event}. */
  public static byte[] event(String eventType, String json) {
    return frame(
        orderedHeaders(
            ":event-type",
            eventType,
            ":content-type",
            "application/json",
            ":message-type",
            "event"),
        json.getBytes(StandardCharsets.UTF_8));
  }

  /** A Bedrock exception frame, as a stream carries an error that happens mid-way. */
  public static byte[] exception(String exceptionType, String json) {
    return frame(
        orderedHeaders(
            ":exception-type",
            exceptionType,
            ":content-type",
            "application/json",
            ":message-type",
            "exception"),
        json.getBytes(StandardCharsets.UTF_8));
  }

  private static Map<String, String> orderedHeaders(String... kv) {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put(kv[i], kv[i + 1]);
    }
    return m;
  }

  static long crc(byte[] data, int offset, int length) {
    CRC32 crc = new CRC32();
    crc.update(data, offset, length);
    return crc.getValue();
  }
}
