package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Reading helpers for OpenAI chat requests, shared by the translators out of that format. */
final class ChatRequests {
  private ChatRequests() {}

  static ArrayNode messages(JsonNode request) {
    JsonNode messages = request.get("messages");
    if (messages == null || !messages.isArray()) {
      throw new FormatException("messages must be an array");
    }
    return (ArrayNode) messages;
  }

  static String role(JsonNode message, int i) {
    String role = Json.text(message, "role");
    if (role == null) {
      throw new FormatException("messages[" + i + "].role is required");
    }
    return role;
  }

  /** The text of a content that is a string or an array of {@code text} parts. */
  static String text(JsonNode content) {
    if (content == null || content.isNull()) {
      return "";
    }
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder b = new StringBuilder();
    for (JsonNode part : content) {
      String text = Json.text(part, "text");
      if (text != null) {
        b.append(text);
      }
    }
    return b.toString();
  }

  /** {@code max_completion_tokens}, else the older {@code max_tokens}; -1 when neither is set. */
  static long maxTokens(JsonNode request) {
    JsonNode v = request.get("max_completion_tokens");
    if (v == null || !v.isNumber()) {
      v = request.get("max_tokens");
    }
    return v != null && v.isNumber() ? v.asLong() : -1;
  }

  /** {@code stop} as an array (OpenAI takes a string or an array); null when absent. */
  static ArrayNode stop(JsonNode request) {
    JsonNode stop = request.get("stop");
    if (stop == null || stop.isNull()) {
      return null;
    }
    ArrayNode out = Json.array();
    if (stop.isTextual()) {
      out.add(stop.asText());
    } else {
      stop.forEach(s -> out.add(s.asText()));
    }
    return out;
  }

  /** The {@code function} object of a tool, checked. */
  static JsonNode function(JsonNode tool, int i) {
    JsonNode function = tool.get("function");
    if (!"function".equals(Json.text(tool, "type")) || function == null) {
      throw new FormatException("tools[" + i + "] must be a function tool");
    }
    if (Json.text(function, "name") == null) {
      throw new FormatException("tools[" + i + "].function.name is required");
    }
    return function;
  }

  /** The named function of an object {@code tool_choice}, or null for a string choice. */
  static String namedChoice(JsonNode choice) {
    if (choice == null || !choice.isObject()) {
      return null;
    }
    JsonNode function = choice.get("function");
    String name = Json.text(function, "name");
    if (name == null) {
      throw new FormatException("tool_choice.function.name is required");
    }
    return name;
  }

  /**
   * Appends to the previous message when it has the same role, as the targets want turns merged.
   */
  static ArrayNode turn(ArrayNode out, String role, String contentField) {
    if (!out.isEmpty()) {
      ObjectNode last = (ObjectNode) out.get(out.size() - 1);
      if (role.equals(Json.text(last, "role"))) {
        return (ArrayNode) last.get(contentField);
      }
    }
    ObjectNode message = out.addObject();
    message.put("role", role);
    return message.putArray(contentField);
  }

  static void refuseMultipleChoices(JsonNode request) {
    JsonNode n = request.get("n");
    if (n != null && n.isNumber() && n.asInt() > 1) {
      throw new FormatException("n > 1 is not supported for this provider");
    }
  }
}
