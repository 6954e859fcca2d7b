package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Translates an Anthropic Messages request into a Bedrock Converse body. Anthropic's {@code
 * cache_control} markers become Converse {@code cachePoint} blocks after the marked block; {@code
 * top_k} and {@code thinking} go to {@code additionalModelRequestFields}, which Claude on Bedrock
 * reads.
 */
public final class AnthropicToBedrockRequest {
  private AnthropicToBedrockRequest() {}

  /** Translates; throws {@link FormatException} naming the field it cannot translate. */
  public static ChatToBedrockRequest.Result translate(JsonNode request) {
    BedrockToolNames names = BedrockToolNames.of(toolNames(request));
    ObjectNode out = Json.object();
    ArrayNode messages = out.putArray("messages");
    JsonNode in = request.get("messages");
    if (in == null || !in.isArray()) {
      throw new FormatException("messages must be an array");
    }
    for (int i = 0; i < in.size(); i++) {
      JsonNode m = in.get(i);
      String role = Json.text(m, "role");
      if (!"user".equals(role) && !"assistant".equals(role)) {
        throw new FormatException("messages[" + i + "].role must be user or assistant");
      }
      ArrayNode content = ChatRequests.turn(messages, role, "content");
      blocks(m.get("content"), "messages[" + i + "].content", content, names);
    }
    JsonNode system = request.get("system");
    if (system != null && !system.isNull()) {
      ArrayNode list = out.putArray("system");
      if (system.isTextual()) {
        list.addObject().put("text", system.asText());
      } else {
        for (JsonNode block : system) {
          list.addObject().put("text", Json.text(block, "text"));
          cachePoint(block, list);
        }
      }
    }
    ObjectNode inference = Json.object();
    copy(request, "max_tokens", inference, "maxTokens");
    copy(request, "temperature", inference, "temperature");
    copy(request, "top_p", inference, "topP");
    copy(request, "stop_sequences", inference, "stopSequences");
    if (!inference.isEmpty()) {
      out.set("inferenceConfig", inference);
    }
    ObjectNode extra = Json.object();
    copy(request, "top_k", extra, "top_k");
    copy(request, "thinking", extra, "thinking");
    if (!extra.isEmpty()) {
      out.set("additionalModelRequestFields", extra);
    }
    tools(request, out, names);
    return new ChatToBedrockRequest.Result(out, names);
  }

  private static Set<String> toolNames(JsonNode request) {
    Set<String> names = new LinkedHashSet<>();
    request
        .path("tools")
        .forEach(
            t -> {
              String name = Json.text(t, "name");
              if (name != null) {
                names.add(name);
              }
            });
    request
        .path("messages")
        .forEach(
            m ->
                m.path("content")
                    .forEach(
                        b -> {
                          if ("tool_use".equals(Json.text(b, "type"))
                              && Json.text(b, "name") != null) {
                            names.add(Json.text(b, "name"));
                          }
                        }));
    return names;
  }

  private static void blocks(
      JsonNode content, String where, ArrayNode out, BedrockToolNames names) {
    if (content == null || content.isTextual()) {
      out.addObject().put("text", content == null ? "" : content.asText());
      return;
    }
    for (int b = 0; b < content.size(); b++) {
      JsonNode block = content.get(b);
      String blockWhere = where + "[" + b + "]";
      switch (String.valueOf(Json.text(block, "type"))) {
        case "text" -> out.addObject().put("text", Json.text(block, "text"));
        case "image" -> out.addObject().set("image", image(block.path("source"), blockWhere));
        case "tool_use" -> {
          ObjectNode use = out.addObject().putObject("toolUse");
          use.put("toolUseId", Json.text(block, "id"));
          use.put("name", names.toBedrock(Json.text(block, "name")));
          JsonNode input = block.get("input");
          use.set("input", input == null || input.isNull() ? Json.object() : input);
        }
        case "tool_result" -> {
          ObjectNode result = out.addObject().putObject("toolResult");
          result.put("toolUseId", Json.text(block, "tool_use_id"));
          ArrayNode parts = result.putArray("content");
          JsonNode c = block.get("content");
          if (c == null || c.isNull() || c.isTextual()) {
            parts.addObject().put("text", c == null || c.isNull() ? "" : c.asText());
          } else {
            for (int p = 0; p < c.size(); p++) {
              JsonNode part = c.get(p);
              if ("image".equals(Json.text(part, "type"))) {
                parts
                    .addObject()
                    .set("image", image(part.path("source"), blockWhere + ".content[" + p + "]"));
              } else {
                parts.addObject().put("text", Json.text(part, "text"));
              }
            }
          }
          if (block.path("is_error").asBoolean(false)) {
            result.put("status", "error");
          }
        }
        case "thinking" -> {
          ObjectNode text =
              out.addObject().putObject("reasoningContent").putObject("reasoningText");
          text.put("text", Json.text(block, "thinking"));
          if (Json.has(block, "signature")) {
            text.set("signature", block.get("signature"));
          }
        }
        case "redacted_thinking" ->
            out.addObject()
                .putObject("reasoningContent")
                .put("redactedContent", Json.text(block, "data"));
        default ->
            throw new FormatException(
                blockWhere
                    + ".type '"
                    + Json.text(block, "type")
                    + "' is not supported for Bedrock");
      }
      cachePoint(block, out);
    }
  }

  private static void cachePoint(JsonNode block, ArrayNode out) {
    if (Json.has(block, "cache_control")) {
      out.addObject().putObject("cachePoint").put("type", "default");
    }
  }

  private static ObjectNode image(JsonNode source, String where) {
    if (!"base64".equals(Json.text(source, "type"))) {
      throw new FormatException(
          where + ".source: Bedrock does not fetch remote images; send base64 data");
    }
    String mediaType = String.valueOf(Json.text(source, "media_type"));
    ObjectNode image = Json.object();
    image.put(
        "format",
        switch (mediaType) {
          case "image/png" -> "png";
          case "image/jpeg" -> "jpeg";
          case "image/gif" -> "gif";
          case "image/webp" -> "webp";
          default ->
              throw new FormatException(
                  where + ": Bedrock does not accept images of type " + mediaType);
        });
    image.putObject("source").put("bytes", Json.text(source, "data"));
    return image;
  }

  private static void tools(JsonNode request, ObjectNode out, BedrockToolNames names) {
    JsonNode tools = request.get("tools");
    if (tools == null || !tools.isArray() || tools.isEmpty()) {
      return;
    }
    ObjectNode config = out.putObject("toolConfig");
    ArrayNode list = config.putArray("tools");
    for (int i = 0; i < tools.size(); i++) {
      JsonNode tool = tools.get(i);
      if (Json.text(tool, "name") == null || !tool.has("input_schema")) {
        throw new FormatException(
            "tools[" + i + "] must be a custom tool with name and input_schema");
      }
      ObjectNode spec = list.addObject().putObject("toolSpec");
      spec.put("name", names.toBedrock(Json.text(tool, "name")));
      if (Json.has(tool, "description")) {
        spec.set("description", tool.get("description"));
      }
      spec.putObject("inputSchema").set("json", tool.get("input_schema"));
      cachePoint(tool, list);
    }
    JsonNode choice = request.get("tool_choice");
    switch (choice == null ? "" : String.valueOf(Json.text(choice, "type"))) {
      case "auto" -> config.putObject("toolChoice").putObject("auto");
      case "any" -> config.putObject("toolChoice").putObject("any");
      case "tool" ->
          config
              .putObject("toolChoice")
              .putObject("tool")
              .put("name", names.toBedrock(Json.text(choice, "name")));
      // Converse has no "none": the default (auto) is sent
      default -> {}
    }
  }

  private static void copy(JsonNode from, String field, ObjectNode to, String as) {
    if (Json.has(from, field)) {
      to.set(as, from.get(field));
    }
  }
}
