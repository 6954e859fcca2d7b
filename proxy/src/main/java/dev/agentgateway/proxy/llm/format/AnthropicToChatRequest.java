package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Translates an Anthropic Messages request into an OpenAI chat request. Streamed requests always
 * ask for the final usage chunk: Anthropic clients always get usage.
 */
public final class AnthropicToChatRequest {
  private AnthropicToChatRequest() {}

  /** The chat request; throws {@link FormatException} naming the field it cannot translate. */
  public static ObjectNode translate(JsonNode messages) {
    ObjectNode out = Json.object();
    if (messages.has("model")) {
      out.set("model", messages.get("model"));
    }
    ArrayNode chat = out.putArray("messages");
    String system = systemText(messages.get("system"));
    if (!system.isEmpty()) {
      chat.addObject().put("role", "system").put("content", system);
    }
    JsonNode in = messages.get("messages");
    if (in == null || !in.isArray()) {
      throw new FormatException("messages must be an array");
    }
    for (int i = 0; i < in.size(); i++) {
      message(in.get(i), "messages[" + i + "]", chat);
    }
    if (Json.has(messages, "max_tokens")) {
      // max_completion_tokens is OpenAI's current name; max_tokens is refused by reasoning models
      out.set("max_completion_tokens", messages.get("max_tokens"));
    }
    copy(messages, "temperature", out, "temperature");
    copy(messages, "top_p", out, "top_p");
    copy(messages, "stop_sequences", out, "stop");
    if (messages.path("stream").asBoolean(false)) {
      out.put("stream", true);
      out.putObject("stream_options").put("include_usage", true);
    }
    String user = Json.text(messages.path("metadata"), "user_id");
    if (user != null) {
      out.put("user", user);
    }
    tools(messages, out);
    return out;
  }

  private static String systemText(JsonNode system) {
    if (system == null || system.isNull()) {
      return "";
    }
    if (system.isTextual()) {
      return system.asText();
    }
    StringBuilder b = new StringBuilder();
    for (JsonNode block : system) {
      String text = Json.text(block, "text");
      if (text != null) {
        if (!b.isEmpty()) {
          b.append("\n\n");
        }
        b.append(text);
      }
    }
    return b.toString();
  }

  private static void message(JsonNode m, String where, ArrayNode chat) {
    String role = Json.text(m, "role");
    JsonNode content = m.get("content");
    if (!"user".equals(role) && !"assistant".equals(role)) {
      throw new FormatException(where + ".role must be user or assistant");
    }
    if (content == null || content.isTextual()) {
      chat.addObject().put("role", role).put("content", content == null ? "" : content.asText());
      return;
    }
    if ("assistant".equals(role)) {
      assistant(content, where, chat);
    } else {
      user(content, where, chat);
    }
  }

  private static void assistant(JsonNode content, String where, ArrayNode chat) {
    ObjectNode message = Json.object().put("role", "assistant");
    StringBuilder text = new StringBuilder();
    ArrayNode calls = null;
    for (JsonNode block : content) {
      switch (String.valueOf(Json.text(block, "type"))) {
        case "text" -> text.append(Json.text(block, "text"));
        case "tool_use" -> {
          if (calls == null) {
            calls = Json.array();
          }
          ObjectNode call = calls.addObject();
          call.put("id", Json.text(block, "id"));
          call.put("type", "function");
          JsonNode input = block.get("input");
          call.putObject("function")
              .put("name", Json.text(block, "name"))
              .put("arguments", input == null || input.isNull() ? "{}" : Json.write(input));
        }
        // chat completions has no place for earlier reasoning; it is not needed to continue
        case "thinking", "redacted_thinking" -> {}
        default ->
            throw new FormatException(
                where
                    + " content type '"
                    + Json.text(block, "type")
                    + "' is not supported for OpenAI");
      }
    }
    if (text.isEmpty() && calls != null) {
      message.putNull("content");
    } else {
      message.put("content", text.toString());
    }
    if (calls != null) {
      message.set("tool_calls", calls);
    }
    chat.add(message);
  }

  /** Tool results become {@code tool} messages, placed before the user's other content. */
  private static void user(JsonNode content, String where, ArrayNode chat) {
    ArrayNode parts = Json.array();
    for (int b = 0; b < content.size(); b++) {
      JsonNode block = content.get(b);
      String blockWhere = where + ".content[" + b + "]";
      switch (String.valueOf(Json.text(block, "type"))) {
        case "text" -> parts.addObject().put("type", "text").put("text", Json.text(block, "text"));
        case "image" -> parts.add(image(block.path("source"), blockWhere));
        case "tool_result" -> {
          ObjectNode tool = chat.addObject();
          tool.put("role", "tool");
          tool.put("tool_call_id", Json.text(block, "tool_use_id"));
          String result = toolResultText(block.get("content"), blockWhere);
          tool.put(
              "content", block.path("is_error").asBoolean(false) ? "Error: " + result : result);
        }
        default ->
            throw new FormatException(
                blockWhere
                    + ".type '"
                    + Json.text(block, "type")
                    + "' is not supported for OpenAI");
      }
    }
    if (!parts.isEmpty()) {
      chat.addObject().put("role", "user").set("content", parts);
    }
  }

  private static String toolResultText(JsonNode content, String where) {
    if (content == null || content.isNull()) {
      return "";
    }
    if (content.isTextual()) {
      return content.asText();
    }
    StringBuilder b = new StringBuilder();
    for (JsonNode block : content) {
      if (!"text".equals(Json.text(block, "type"))) {
        throw new FormatException(where + ".content: only text tool results translate to OpenAI");
      }
      b.append(Json.text(block, "text"));
    }
    return b.toString();
  }

  private static ObjectNode image(JsonNode source, String where) {
    String url =
        switch (String.valueOf(Json.text(source, "type"))) {
          case "base64" ->
              ImageUrl.toUrl(Json.text(source, "media_type"), Json.text(source, "data"));
          case "url" -> Json.text(source, "url");
          default -> throw new FormatException(where + ".source.type must be base64 or url");
        };
    ObjectNode part = Json.object().put("type", "image_url");
    part.putObject("image_url").put("url", url);
    return part;
  }

  private static void tools(JsonNode messages, ObjectNode out) {
    JsonNode tools = messages.get("tools");
    if (tools != null && tools.isArray() && !tools.isEmpty()) {
      ArrayNode list = out.putArray("tools");
      for (int i = 0; i < tools.size(); i++) {
        JsonNode tool = tools.get(i);
        if (Json.text(tool, "name") == null || !tool.has("input_schema")) {
          // server tools (web search, code execution...) have no OpenAI equivalent
          throw new FormatException(
              "tools[" + i + "] must be a custom tool with name and input_schema");
        }
        ObjectNode function = list.addObject().put("type", "function").putObject("function");
        function.put("name", Json.text(tool, "name"));
        if (Json.has(tool, "description")) {
          function.set("description", tool.get("description"));
        }
        function.set("parameters", tool.get("input_schema"));
      }
    }
    JsonNode choice = messages.get("tool_choice");
    if (choice == null || choice.isNull()) {
      return;
    }
    switch (String.valueOf(Json.text(choice, "type"))) {
      case "auto" -> out.put("tool_choice", "auto");
      case "any" -> out.put("tool_choice", "required");
      case "none" -> out.put("tool_choice", "none");
      case "tool" -> {
        ObjectNode named = out.putObject("tool_choice").put("type", "function");
        named.putObject("function").put("name", Json.text(choice, "name"));
      }
      default -> throw new FormatException("tool_choice.type must be auto, any, tool or none");
    }
    if (choice.path("disable_parallel_tool_use").asBoolean(false)) {
      out.put("parallel_tool_calls", false);
    }
  }

  private static void copy(JsonNode from, String field, ObjectNode to, String as) {
    if (Json.has(from, field)) {
      to.set(as, from.get(field));
    }
  }
}
