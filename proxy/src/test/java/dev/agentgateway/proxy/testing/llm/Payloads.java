package dev.agentgateway.proxy.testing.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The recorded payloads under {@code llm/standin/}, with {@code {{model}}} filled in. */
final class Payloads {
  static final ObjectMapper JSON = new ObjectMapper();

  private Payloads() {}

  /** The file's text with the model put in (JSON-escaped). */
  static String text(String file, String model) {
    String path = "/llm/standin/" + file;
    try (InputStream in = Payloads.class.getResourceAsStream(path)) {
      String text =
          new String(Objects.requireNonNull(in, path).readAllBytes(), StandardCharsets.UTF_8);
      String escaped = JSON.writeValueAsString(model == null ? "unknown" : model);
      return text.replace("{{model}}", escaped.substring(1, escaped.length() - 1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An SSE file's events, each ending with its blank line; {@code crlf} for Google's framing. */
  static List<String> sseEvents(String file, String model, boolean crlf) {
    List<String> events = new ArrayList<>();
    for (String block : text(file, model).split("\n\n")) {
      if (block.isBlank()) {
        continue;
      }
      String event = block.strip() + "\n\n";
      events.add(crlf ? event.replace("\n", "\r\n") : event);
    }
    return events;
  }

  /** A JSON body, or null when it is empty or not JSON (the wire then answers 400). */
  static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }
}
