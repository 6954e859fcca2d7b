package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Translates an OpenAI chat request into a Bedrock Converse body. The model id goes into the path
 * ({@code /model/<id>/converse} or {@code converse-stream}); tool names are made valid for Bedrock
 * and the mapping is returned for the answer's translation.
 */
public final class ChatToBedrockRequest {
  private ChatToBedrockRequest() {}

  /**
   * The Converse body and the tool-name mapping.
   *
   * @param body the Converse request body
   * @param toolNames how tool names were changed, to map Bedrock's answer back
   */
  public record Result(ObjectNode body, BedrockToolNames toolNames) {}

  /** Translates; throws {@link FormatException} naming the field it cannot translate. */
  public static Result translate(JsonNode chat) {
    ChatRequests.refuseMultipleChoices(chat);
    BedrockToolNames names = BedrockToolNames.of(toolNames(chat));
    ObjectNode out = Json.object();
    ArrayNode system = Json.array();
    ArrayNode messages = Json.array();
    ArrayNode in = ChatRequests.messages(chat);
    for (int i = 0; i < in.size(); i++) {
      message(in.get(i), i, system, messages, names);
    }
    out.set("messages", messages);
    if (!system.isEmpty()) {
      out.set("system", system);
    }
    ObjectNode inference = Json.object();
    long max = ChatRequests.maxTokens(chat);
    if (max > 0) {
      inference.put("maxTokens", max);
    }
    if (Json.has(chat, "temperature")) {
      inference.set("temperature", chat.get("temperature"));
    }
    if (Json.has(chat, "top_p")) {
      inference.set("topP", chat.get("top_p"));
    }
    ArrayNode stop = ChatRequests.stop(chat);
    if (stop != null) {
      inference.set("stopSequences", stop);
    }
    if (!inference.isEmpty()) {
      out.set("inferenceConfig", inference);
    }
    tools(chat, out, names);
    return new Result(out, names);
  }

  /** Every tool name the request uses: declared tools and earlier calls. */
  private static Set<String> toolNames(JsonNode chat) {
    Set<String> names = new LinkedHashSet<>();
    chat.path("tools")
        .forEach(
            t -> {
              String name = Json.text(t.path("function"), "name");
              if (name != null) {
                names.add(name);
              }
            });
    chat.path("messages")
        .forEach(
            m ->
                m.path("tool_calls")
                    .forEach(
                        c -> {
                          String name = Json.text(c.path("function"), "name");
                          if (name != null) {
                            names.add(name);
                          }
                        }));
    return names;
  }

  private static void message(
      JsonNode m, int i, ArrayNode system, ArrayNode messages, BedrockToolNames names) {
    String where = "messages[" + i + "]";
    switch (ChatRequests.role(m, i)) {
      case "system", "developer" -> {
        String text = ChatRequests.text(m.get("content"));
        if (!text.isEmpty()) {
          system.addObject().put("text", text);
        }
      }
      case "user" ->
          userContent(m.get("content"), where, ChatRequests.turn(messages, "user", "content"));
      case "assistant" -> {
        ArrayNode blocks = ChatRequests.turn(messages, "assistant", "content");
        String text = ChatRequests.text(m.get("content"));
        // Bedrock refuses empty text blocks
        if (!text.isEmpty()) {
          blocks.addObject().put("text", text);
        }
        JsonNode calls = m.get("tool_calls");
        if (calls != null) {
          for (int c = 0; c < calls.size(); c++) {
            JsonNode call = calls.get(c);
            JsonNode function = call.path("function");
            ObjectNode use = blocks.addObject().putObject("toolUse");
            use.put("toolUseId", Json.text(call, "id"));
            use.put("name", names.toBedrock(Json.text(function, "name")));
            use.set(
                "input",
                Json.arguments(
                    Json.text(function, "arguments"),
                    where + ".tool_calls[" + c + "].function.arguments"));
          }
        }
      }
      case "tool" -> {
        String id = Json.text(m, "tool_call_id");
        if (id == null) {
          throw new FormatException(where + ".tool_call_id is required");
        }
        ObjectNode result =
            ChatRequests.turn(messages, "user", "content").addObject().putObject("toolResult");
        result.put("toolUseId", id);
        result.putArray("content").addObject().put("text", ChatRequests.text(m.get("content")));
      }
      default ->
          throw new FormatException(
              where + ".role '" + Json.text(m, "role") + "' is not supported");
    }
  }

  private static void userContent(JsonNode content, String where, ArrayNode blocks) {
    if (content == null || content.isTextual()) {
      blocks.addObject().put("text", content == null ? "" : content.asText());
      return;
    }
    for (int p = 0; p < content.size(); p++) {
      JsonNode part = content.get(p);
      String partWhere = where + ".content[" + p + "]";
      String type = Json.text(part, "type");
      if ("text".equals(type)) {
        blocks.addObject().put("text", Json.text(part, "text"));
      } else if ("image_url".equals(type)) {
        ImageUrl image = ImageUrl.of(part, partWhere);
        if (!image.inline()) {
          throw new FormatException(
              partWhere
                  + ".image_url.url: Bedrock does not fetch remote images; send a base64 data: URL");
        }
        ObjectNode block = blocks.addObject().putObject("image");
        block.put("format", imageFormat(image.mediaType(), partWhere));
        // the JSON protocol carries blob members as base64 text, so the data passes unchanged
        block.putObject("source").put("bytes", image.base64());
      } else {
        throw new FormatException(partWhere + ".type '" + type + "' is not supported for Bedrock");
      }
    }
  }

  private static String imageFormat(String mediaType, String where) {
    return switch (mediaType) {
      case "image/png" -> "png";
      case "image/jpeg", "image/jpg" -> "jpeg";
      case "image/gif" -> "gif";
      case "image/webp" -> "webp";
      default ->
          throw new FormatException(
              where + ": Bedrock does not accept images of type " + mediaType);
    };
  }

  private static void tools(JsonNode chat, ObjectNode out, BedrockToolNames names) {
    JsonNode tools = chat.get("tools");
    if (tools == null || !tools.isArray() || tools.isEmpty()) {
      return;
    }
    ObjectNode config = out.putObject("toolConfig");
    ArrayNode list = config.putArray("tools");
    for (int i = 0; i < tools.size(); i++) {
      JsonNode function = ChatRequests.function(tools.get(i), i);
      ObjectNode spec = list.addObject().putObject("toolSpec");
      spec.put("name", names.toBedrock(Json.text(function, "name")));
      if (Json.has(function, "description")) {
        spec.set("description", function.get("description"));
      }
      JsonNode params = function.get("parameters");
      spec.putObject("inputSchema")
          .set(
              "json",
              params != null && params.isObject()
                  ? params
                  : Json.object().put("type", "object").set("properties", Json.object()));
    }
    JsonNode choice = chat.get("tool_choice");
    if (choice == null || choice.isNull()) {
      return;
    }
    String named = ChatRequests.namedChoice(choice);
    if (named != null) {
      config.putObject("toolChoice").putObject("tool").put("name", names.toBedrock(named));
      return;
    }
    switch (choice.asText()) {
      case "auto" -> config.putObject("toolChoice").putObject("auto");
      case "required" -> config.putObject("toolChoice").putObject("any");
      // Converse has no "none"; the tools must stay declared when the history has tool calls,
      // so "none" is sent as the default (auto)
      case "none" -> {}
      default ->
          throw new FormatException("tool_choice '" + choice.asText() + "' is not supported");
    }
  }
}
