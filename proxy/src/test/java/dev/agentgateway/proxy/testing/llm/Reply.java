package dev.agentgateway.proxy.testing.llm;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * What a stand-in answers: a whole body, or a stream of chunks (SSE events, event-stream frames)
 * sent one by one with chunked transfer encoding.
 *
 * @param status the HTTP status
 * @param headers response headers (besides the framing ones)
 * @param body the whole body, or null for a stream
 * @param chunks the stream's chunks, each flushed on its own; null for a whole body
 */
record Reply(int status, Map<String, String> headers, byte[] body, List<byte[]> chunks) {
  static Reply json(int status, String json) {
    return new Reply(
        status,
        Map.of("content-type", "application/json"),
        json.getBytes(StandardCharsets.UTF_8),
        null);
  }

  static Reply json(int status, String json, Map<String, String> extra) {
    java.util.Map<String, String> headers = new java.util.LinkedHashMap<>(extra);
    headers.put("content-type", "application/json");
    return new Reply(status, headers, json.getBytes(StandardCharsets.UTF_8), null);
  }

  static Reply stream(String contentType, List<byte[]> chunks) {
    return new Reply(200, Map.of("content-type", contentType), null, List.copyOf(chunks));
  }

  static Reply sse(List<String> events) {
    return stream(
        "text/event-stream", events.stream().map(e -> e.getBytes(StandardCharsets.UTF_8)).toList());
  }
}
