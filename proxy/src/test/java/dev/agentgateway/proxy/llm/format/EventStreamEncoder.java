package dev.agentgateway.proxy.llm.format;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;

/** Encodes AWS event-stream frames with string headers, as Bedrock sends them (test only). */
final class EventStreamEncoder {
  private EventStreamEncoder() {}

  static byte[] event(String eventType, String json) {
    return frame(
        Map.of(
            ":event-type",
            eventType,
            ":content-type",
            "application/json",
            ":message-type",
            "event"),
        json.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] exception(String exceptionType, String json) {
    return frame(
        Map.of(
            ":exception-type",
            exceptionType,
            ":content-type",
            "application/json",
            ":message-type",
            "exception"),
        json.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] frame(Map<String, String> headers, byte[] payload) {
    ByteArrayOutputStream h = new ByteArrayOutputStream();
    for (Map.Entry<String, String> e : headers.entrySet()) {
      byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
      byte[] value = e.getValue().getBytes(StandardCharsets.UTF_8);
      h.write(name.length);
      h.writeBytes(name);
      h.write(7);
      h.write(value.length >> 8);
      h.write(value.length & 0xff);
      h.writeBytes(value);
    }
    byte[] headerBytes = h.toByteArray();
    int total = 12 + headerBytes.length + payload.length + 4;
    ByteBuffer b = ByteBuffer.allocate(total);
    b.putInt(total).putInt(headerBytes.length);
    CRC32 crc = new CRC32();
    crc.update(b.array(), 0, 8);
    b.putInt((int) crc.getValue());
    b.put(headerBytes).put(payload);
    crc.update(b.array(), 8, total - 12);
    b.putInt((int) crc.getValue());
    return b.array();
  }
}
