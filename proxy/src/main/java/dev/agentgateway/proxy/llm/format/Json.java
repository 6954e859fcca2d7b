package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Small JSON helpers shared by the translators; the mapper is configured once and never changed.
 */
final class Json {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  static ObjectNode object() {
    return NODES.objectNode();
  }

  static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** Parses one JSON document; the message says what was being parsed, never the content. */
  static JsonNode parse(String text, String what) {
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null) {
        throw new FormatException(what + " is empty");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new FormatException(what + " is not valid JSON: " + e.getOriginalMessage());
    }
  }

  static JsonNode parse(byte[] bytes, String what) {
    try {
      JsonNode node = MAPPER.readTree(bytes);
      if (node == null || node.isMissingNode()) {
        throw new FormatException(what + " is empty");
      }
      return node;
    } catch (IOException e) {
      throw new FormatException(what + " is not valid JSON");
    }
  }

  static ObjectNode parseObject(String text, String what) {
    JsonNode node = parse(text, what);
    if (!node.isObject()) {
      throw new FormatException(what + " must be a JSON object");
    }
    return (ObjectNode) node;
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
  }

  /** The field as text, or null when it is absent, null or not a string. */
  static String text(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  static long number(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && v.isNumber() ? v.asLong() : 0;
  }

  /** True when the field is present and not JSON null. */
  static boolean has(JsonNode node, String field) {
    JsonNode v = node == null ? null : node.get(field);
    return v != null && !v.isNull();
  }

  /**
   * Parses tool-call arguments: the empty string (some providers send it for tools without
   * parameters) becomes {@code {}}; anything that is not a JSON object is refused.
   */
  static ObjectNode arguments(String arguments, String where) {
    if (arguments == null || arguments.isBlank()) {
      return object();
    }
    JsonNode node = parse(arguments, where);
    if (!node.isObject()) {
      throw new FormatException(where + " must be a JSON object");
    }
    return (ObjectNode) node;
  }
}
