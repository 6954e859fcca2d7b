package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentgateway.proxy.mcp.upstream.http.SseEvent;
import dev.agentgateway.proxy.mcp.upstream.http.SseReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** Loads the recorded payloads under {@code src/test/resources/llm/format}. */
final class Fixtures {
  static final ObjectMapper MAPPER = new ObjectMapper();

  private Fixtures() {}

  static byte[] bytes(String path) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/llm/format/" + path)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ObjectNode json(String path) {
    try {
      return (ObjectNode) MAPPER.readTree(bytes(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode parse(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Compares JSON trees by value (a long 512 equals a parsed 512), showing both on failure. */
  static void assertJson(JsonNode expected, JsonNode actual) {
    JsonNode normalised = parse(actual.toString());
    if (!expected.equals(normalised)) {
      // field order does not matter; the pretty forms only show where they differ
      org.junit.jupiter.api.Assertions.assertEquals(
          expected.toPrettyString(), normalised.toPrettyString());
    }
  }

  /** The recorded SSE stream's events, parsed as the relay parses them. */
  static List<SseEvent> sse(String path) {
    try {
      SseReader reader = new SseReader(new ByteArrayInputStream(bytes(path)), 1 << 20);
      List<SseEvent> events = new ArrayList<>();
      for (SseEvent e = reader.next(); e != null; e = reader.next()) {
        events.add(e);
      }
      return events;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A client event as emitted. */
  record Emitted(String event, String data) {
    JsonNode json() {
      return parse(data);
    }
  }

  /** Collects emitted client events. */
  static final class RecordingSink implements EventSink {
    final List<Emitted> events = new ArrayList<>();

    @Override
    public void emit(String event, String data) {
      events.add(new Emitted(event, data));
    }

    /** The events emitted since the last call. */
    List<Emitted> drain() {
      List<Emitted> out = List.copyOf(events);
      events.clear();
      return out;
    }
  }
}
