package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Translates an OpenAI chat request into an Anthropic Messages request. */
public final class ChatToAnthropicRequest {
  /** Anthropic requires {@code max_tokens}; used when the client sets none. */
  public static final long DEFAULT_MAX_TOKENS = 4096;

  private ChatToAnthropicRequest() {}

  /** The Anthropic request; throws {@link FormatException} naming the field it cannot translate. */
  public static ObjectNode translate(JsonNode chat) {
    ChatRequests.refuseMultipleChoices(chat);
    ObjectNode out = Json.object();
    if (chat.has("model")) {
      out.set("model", chat.get("model"));
    }
    long max = ChatRequests.maxTokens(chat);
    out.put("max_tokens", max > 0 ? max : DEFAULT_MAX_TOKENS);
    ArrayNode system = Json.array();
    ArrayNode messages = Json.array();
    ArrayNode in = ChatRequests.messages(chat);
    for (int i = 0; i < in.size(); i++) {
      message(in.get(i), i, system, messages);
    }
    if (!system.isEmpty()) {
      out.set("system", system);
    }
    out.set("messages", messages);
    copy(chat, "temperature", out, "temperature");
    copy(chat, "top_p", out, "top_p");
    ArrayNode stop = ChatRequests.stop(chat);
    if (stop != null) {
      out.set("stop_sequences", stop);
    }
    if (chat.path("stream").asBoolean(false)) {
      out.put("stream", true);
    }
    tools(chat, out);
    String user = Json.text(chat, "user");
    if (user != null) {
      out.putObject("metadata").put("user_id", user);
    }
    return out;
  }

  private static void message(JsonNode m, int i, ArrayNode system, ArrayNode messages) {
    String where = "messages[" + i + "]";
    switch (ChatRequests.role(m, i)) {
      case "system", "developer" -> {
        String text = ChatRequests.text(m.get("content"));
        if (!text.isEmpty()) {
          system.addObject().put("type", "text").put("text", text);
        }
      }
      case "user" ->
          userContent(m.get("content"), where, ChatRequests.turn(messages, "user", "content"));
      case "assistant" -> {
        ArrayNode blocks = ChatRequests.turn(messages, "assistant", "content");
        String text = ChatRequests.text(m.get("content"));
        if (!text.isEmpty()) {
          blocks.addObject().put("type", "text").put("text", text);
        }
        JsonNode calls = m.get("tool_calls");
        if (calls != null) {
          for (int c = 0; c < calls.size(); c++) {
            JsonNode call = calls.get(c);
            JsonNode function = call.path("function");
            ObjectNode use = blocks.addObject();
            use.put("type", "tool_use");
            use.put("id", Json.text(call, "id"));
            use.put("name", Json.text(function, "name"));
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
        ObjectNode result = ChatRequests.turn(messages, "user", "content").addObject();
        result.put("type", "tool_result");
        result.put("tool_use_id", id);
        result.put("content", ChatRequests.text(m.get("content")));
      }
      default ->
          throw new FormatException(
              where + ".role '" + Json.text(m, "role") + "' is not supported");
    }
  }

  private static void userContent(JsonNode content, String where, ArrayNode blocks) {
    if (content == null || content.isTextual()) {
      blocks.addObject().put("type", "text").put("text", content == null ? "" : content.asText());
      return;
    }
    for (int p = 0; p < content.size(); p++) {
      JsonNode part = content.get(p);
      String partWhere = where + ".content[" + p + "]";
      String type = Json.text(part, "type");
      if ("text".equals(type)) {
        blocks.addObject().put("type", "text").put("text", Json.text(part, "text"));
      } else if ("image_url".equals(type)) {
        ImageUrl image = ImageUrl.of(part, partWhere);
        ObjectNode source = blocks.addObject().put("type", "image").putObject("source");
        if (image.inline()) {
          source
              .put("type", "base64")
              .put("media_type", image.mediaType())
              .put("data", image.base64());
        } else {
          // Anthropic fetches remote images itself
          source.put("type", "url").put("url", image.url());
        }
      } else {
        throw new FormatException(
            partWhere + ".type '" + type + "' is not supported for Anthropic");
      }
    }
  }

  private static void tools(JsonNode chat, ObjectNode out) {
    JsonNode tools = chat.get("tools");
    if (tools != null && tools.isArray() && !tools.isEmpty()) {
      ArrayNode list = out.putArray("tools");
      for (int i = 0; i < tools.size(); i++) {
        JsonNode function = ChatRequests.function(tools.get(i), i);
        ObjectNode tool = list.addObject();
        tool.put("name", Json.text(function, "name"));
        if (Json.has(function, "description")) {
          tool.set("description", function.get("description"));
        }
        JsonNode params = function.get("parameters");
        tool.set(
            "input_schema",
            params != null && params.isObject()
                ? params
                : Json.object().put("type", "object").set("properties", Json.object()));
      }
    }
    JsonNode choice = chat.get("tool_choice");
    boolean noParallel =
        chat.has("parallel_tool_calls") && !chat.get("parallel_tool_calls").asBoolean(true);
    ObjectNode anthropicChoice = null;
    if (choice != null && !choice.isNull()) {
      anthropicChoice = Json.object();
      String named = ChatRequests.namedChoice(choice);
      if (named != null) {
        anthropicChoice.put("type", "tool").put("name", named);
      } else {
        switch (choice.asText()) {
          case "auto" -> anthropicChoice.put("type", "auto");
          case "required" -> anthropicChoice.put("type", "any");
          case "none" -> anthropicChoice.put("type", "none");
          default ->
              throw new FormatException("tool_choice '" + choice.asText() + "' is not supported");
        }
      }
    } else if (noParallel && out.has("tools")) {
      anthropicChoice = Json.object().put("type", "auto");
    }
    if (anthropicChoice != null) {
      if (noParallel && !"none".equals(Json.text(anthropicChoice, "type"))) {
        anthropicChoice.put("disable_parallel_tool_use", true);
      }
      out.set("tool_choice", anthropicChoice);
    }
  }

  private static void copy(JsonNode from, String field, ObjectNode to, String as) {
    if (Json.has(from, field)) {
      to.set(as, from.get(field));
    }
  }
}
