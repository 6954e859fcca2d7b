package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Translates an OpenAI Responses request into an OpenAI chat request, for providers without the
 * Responses API. The gateway keeps no conversation state, so {@code previous_response_id} is
 * refused.
 */
public final class ResponsesToChatRequest {
  private ResponsesToChatRequest() {}

  /** The chat request; throws {@link FormatException} naming the field it cannot translate. */
  public static ObjectNode translate(JsonNode request) {
    if (Json.has(request, "previous_response_id")) {
      throw new FormatException(
          "previous_response_id is not supported: send the whole conversation as input");
    }
    ObjectNode out = Json.object();
    if (request.has("model")) {
      out.set("model", request.get("model"));
    }
    ArrayNode messages = out.putArray("messages");
    String instructions = Json.text(request, "instructions");
    if (instructions != null && !instructions.isEmpty()) {
      messages.addObject().put("role", "system").put("content", instructions);
    }
    JsonNode input = request.get("input");
    if (input == null || input.isTextual()) {
      messages.addObject().put("role", "user").put("content", input == null ? "" : input.asText());
    } else {
      for (int i = 0; i < input.size(); i++) {
        item(input.get(i), "input[" + i + "]", messages);
      }
    }
    if (Json.has(request, "max_output_tokens")) {
      out.set("max_completion_tokens", request.get("max_output_tokens"));
    }
    for (String field : new String[] {"temperature", "top_p", "parallel_tool_calls", "user"}) {
      if (Json.has(request, field)) {
        out.set(field, request.get(field));
      }
    }
    if (request.path("stream").asBoolean(false)) {
      out.put("stream", true);
      out.putObject("stream_options").put("include_usage", true);
    }
    format(request.path("text").path("format"), out);
    tools(request, out);
    return out;
  }

  private static void item(JsonNode item, String where, ArrayNode messages) {
    String type = Json.text(item, "type");
    if (type == null || "message".equals(type)) {
      String role = Json.text(item, "role");
      if (role == null) {
        throw new FormatException(where + ".role is required");
      }
      ObjectNode message = messages.addObject().put("role", role);
      JsonNode content = item.get("content");
      if (content == null || content.isTextual()) {
        message.put("content", content == null ? "" : content.asText());
      } else if ("user".equals(role)) {
        message.set("content", userParts(content, where + ".content"));
      } else {
        message.put("content", ChatRequests.text(content));
      }
      return;
    }
    switch (type) {
      case "function_call" -> {
        ObjectNode call =
            ChatResponses.toolCall(
                Json.text(item, "call_id"),
                Json.text(item, "name"),
                String.valueOf(Json.text(item, "arguments")));
        assistantWithCalls(messages).add(call);
      }
      case "function_call_output" -> {
        ObjectNode tool = messages.addObject().put("role", "tool");
        tool.put("tool_call_id", Json.text(item, "call_id"));
        JsonNode output = item.get("output");
        tool.put(
            "content",
            output == null ? "" : output.isTextual() ? output.asText() : ChatRequests.text(output));
      }
      // earlier reasoning items are not needed to continue, and chat has no place for them
      case "reasoning" -> {}
      default ->
          throw new FormatException(
              where + ".type '" + type + "' is not supported for a chat provider");
    }
  }

  /**
   * The tool_calls of the previous assistant message, or of a new one, so parallel calls stay
   * together.
   */
  private static ArrayNode assistantWithCalls(ArrayNode messages) {
    if (!messages.isEmpty()) {
      JsonNode last = messages.get(messages.size() - 1);
      if ("assistant".equals(Json.text(last, "role")) && last.has("tool_calls")) {
        return (ArrayNode) last.get("tool_calls");
      }
    }
    ObjectNode message = messages.addObject().put("role", "assistant");
    message.putNull("content");
    return message.putArray("tool_calls");
  }

  private static ArrayNode userParts(JsonNode content, String where) {
    ArrayNode parts = Json.array();
    for (int p = 0; p < content.size(); p++) {
      JsonNode part = content.get(p);
      switch (String.valueOf(Json.text(part, "type"))) {
        case "input_text", "output_text" ->
            parts.addObject().put("type", "text").put("text", Json.text(part, "text"));
        case "input_image" -> {
          String url = Json.text(part, "image_url");
          if (url == null) {
            throw new FormatException(
                where + "[" + p + "].image_url is required (file_id images are not supported)");
          }
          ObjectNode image = parts.addObject().put("type", "image_url").putObject("image_url");
          image.put("url", url);
          if (Json.has(part, "detail")) {
            image.set("detail", part.get("detail"));
          }
        }
        default ->
            throw new FormatException(
                where + "[" + p + "].type '" + Json.text(part, "type") + "' is not supported");
      }
    }
    return parts;
  }

  private static void format(JsonNode format, ObjectNode out) {
    switch (String.valueOf(Json.text(format, "type"))) {
      case "json_object" -> out.putObject("response_format").put("type", "json_object");
      case "json_schema" -> {
        ObjectNode schema =
            out.putObject("response_format").put("type", "json_schema").putObject("json_schema");
        for (String field : new String[] {"name", "description", "schema", "strict"}) {
          if (Json.has(format, field)) {
            schema.set(field, format.get(field));
          }
        }
      }
      default -> {}
    }
  }

  private static void tools(JsonNode request, ObjectNode out) {
    JsonNode tools = request.get("tools");
    if (tools != null && tools.isArray() && !tools.isEmpty()) {
      ArrayNode list = out.putArray("tools");
      for (int i = 0; i < tools.size(); i++) {
        JsonNode tool = tools.get(i);
        if (!"function".equals(Json.text(tool, "type")) || Json.text(tool, "name") == null) {
          // built-in tools (web search, file search...) run inside OpenAI's Responses API only
          throw new FormatException("tools[" + i + "] must be a function tool with a name");
        }
        ObjectNode function = list.addObject().put("type", "function").putObject("function");
        function.put("name", Json.text(tool, "name"));
        for (String field : new String[] {"description", "parameters", "strict"}) {
          if (Json.has(tool, field)) {
            function.set(field, tool.get(field));
          }
        }
      }
    }
    JsonNode choice = request.get("tool_choice");
    if (choice == null || choice.isNull()) {
      return;
    }
    if (choice.isTextual()) {
      out.set("tool_choice", choice);
    } else if ("function".equals(Json.text(choice, "type"))) {
      out.putObject("tool_choice")
          .put("type", "function")
          .putObject("function")
          .put("name", Json.text(choice, "name"));
    } else {
      throw new FormatException("tool_choice must be auto, none, required or a function");
    }
  }
}
