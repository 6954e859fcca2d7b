package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/**
 * Translates an OpenAI chat request into a Gemini {@code generateContent} body. The model is not in
 * the body: it goes into the path ({@code models/<model>:generateContent}).
 */
public final class ChatToGeminiRequest {
  /**
   * Gemini's thought signature travels inside the tool-call id given to the client, {@code
   * <id>__thought__<signature>}, so it comes back with the next turn.
   */
  static final String THOUGHT_MARKER = "__thought__";

  private ChatToGeminiRequest() {}

  /** The Gemini body; throws {@link FormatException} naming the field it cannot translate. */
  public static ObjectNode translate(JsonNode chat) {
    ObjectNode out = Json.object();
    ArrayNode system = Json.array();
    ArrayNode contents = out.putArray("contents");
    Map<String, String> toolNames = new HashMap<>();
    ArrayNode in = ChatRequests.messages(chat);
    for (int i = 0; i < in.size(); i++) {
      message(in.get(i), i, system, contents, toolNames);
    }
    if (!system.isEmpty()) {
      out.putObject("systemInstruction").set("parts", system);
    }
    tools(chat, out);
    ObjectNode config = Json.object();
    long max = ChatRequests.maxTokens(chat);
    if (max > 0) {
      config.put("maxOutputTokens", max);
    }
    copy(chat, "temperature", config, "temperature");
    copy(chat, "top_p", config, "topP");
    copy(chat, "n", config, "candidateCount");
    copy(chat, "seed", config, "seed");
    copy(chat, "presence_penalty", config, "presencePenalty");
    copy(chat, "frequency_penalty", config, "frequencyPenalty");
    ArrayNode stop = ChatRequests.stop(chat);
    if (stop != null) {
      config.set("stopSequences", stop);
    }
    String format = Json.text(chat.path("response_format"), "type");
    if ("json_object".equals(format) || "json_schema".equals(format)) {
      config.put("responseMimeType", "application/json");
    }
    if (!config.isEmpty()) {
      out.set("generationConfig", config);
    }
    return out;
  }

  private static void message(
      JsonNode m, int i, ArrayNode system, ArrayNode contents, Map<String, String> toolNames) {
    String where = "messages[" + i + "]";
    switch (ChatRequests.role(m, i)) {
      case "system", "developer" -> {
        String text = ChatRequests.text(m.get("content"));
        if (!text.isEmpty()) {
          system.addObject().put("text", text);
        }
      }
      case "user" ->
          userParts(m.get("content"), where, ChatRequests.turn(contents, "user", "parts"));
      case "assistant" -> {
        ArrayNode parts = ChatRequests.turn(contents, "model", "parts");
        String text = ChatRequests.text(m.get("content"));
        if (!text.isEmpty()) {
          parts.addObject().put("text", text);
        }
        JsonNode calls = m.get("tool_calls");
        if (calls != null) {
          for (int c = 0; c < calls.size(); c++) {
            JsonNode call = calls.get(c);
            String id = Json.text(call, "id");
            String name = Json.text(call.path("function"), "name");
            if (id != null) {
              toolNames.put(id, name);
            }
            ObjectNode part = parts.addObject();
            ObjectNode fc = part.putObject("functionCall");
            fc.put("name", name);
            fc.set(
                "args",
                Json.arguments(
                    Json.text(call.path("function"), "arguments"),
                    where + ".tool_calls[" + c + "].function.arguments"));
            int marker = id == null ? -1 : id.indexOf(THOUGHT_MARKER);
            if (marker >= 0) {
              part.put("thoughtSignature", id.substring(marker + THOUGHT_MARKER.length()));
            }
          }
        }
      }
      case "tool" -> {
        String id = Json.text(m, "tool_call_id");
        String name = id == null ? null : toolNames.get(id);
        if (name == null) {
          throw new FormatException(
              where + ".tool_call_id does not match a tool call of an earlier assistant message");
        }
        ObjectNode response =
            ChatRequests.turn(contents, "user", "parts").addObject().putObject("functionResponse");
        response.put("name", name);
        response.set("response", toolResult(ChatRequests.text(m.get("content"))));
      }
      default ->
          throw new FormatException(
              where + ".role '" + Json.text(m, "role") + "' is not supported");
    }
  }

  /** Gemini wants an object: a JSON object result is passed as is, anything else wrapped. */
  private static ObjectNode toolResult(String text) {
    if (text.startsWith("{")) {
      try {
        JsonNode parsed = Json.parse(text, "tool result");
        if (parsed.isObject()) {
          return (ObjectNode) parsed;
        }
      } catch (FormatException e) {
        // not JSON after all: wrap it as text
      }
    }
    return Json.object().put("content", text);
  }

  private static void userParts(JsonNode content, String where, ArrayNode parts) {
    if (content == null || content.isTextual()) {
      parts.addObject().put("text", content == null ? "" : content.asText());
      return;
    }
    for (int p = 0; p < content.size(); p++) {
      JsonNode part = content.get(p);
      String partWhere = where + ".content[" + p + "]";
      String type = Json.text(part, "type");
      if ("text".equals(type)) {
        parts.addObject().put("text", Json.text(part, "text"));
      } else if ("image_url".equals(type)) {
        ImageUrl image = ImageUrl.of(part, partWhere);
        if (image.inline()) {
          parts
              .addObject()
              .putObject("inlineData")
              .put("mimeType", image.mediaType())
              .put("data", image.base64());
        } else if (image.url().startsWith("gs://")
            || image.url().startsWith("https://generativelanguage.googleapis.com/")) {
          parts
              .addObject()
              .putObject("fileData")
              .put("mimeType", guessType(image.url()))
              .put("fileUri", image.url());
        } else {
          throw new FormatException(
              partWhere
                  + ".image_url.url: Gemini does not fetch remote images; send a base64 data: URL"
                  + " (or a gs:// or Gemini Files API URI)");
        }
      } else {
        throw new FormatException(partWhere + ".type '" + type + "' is not supported for Gemini");
      }
    }
  }

  private static String guessType(String url) {
    String lower = url.toLowerCase(java.util.Locale.ROOT);
    if (lower.endsWith(".png")) {
      return "image/png";
    }
    if (lower.endsWith(".webp")) {
      return "image/webp";
    }
    if (lower.endsWith(".gif")) {
      return "image/gif";
    }
    return "image/jpeg";
  }

  private static void tools(JsonNode chat, ObjectNode out) {
    JsonNode tools = chat.get("tools");
    if (tools != null && tools.isArray() && !tools.isEmpty()) {
      ArrayNode declarations = out.putArray("tools").addObject().putArray("functionDeclarations");
      for (int i = 0; i < tools.size(); i++) {
        JsonNode function = ChatRequests.function(tools.get(i), i);
        ObjectNode declaration = declarations.addObject();
        declaration.put("name", Json.text(function, "name"));
        if (Json.has(function, "description")) {
          declaration.set("description", function.get("description"));
        }
        JsonNode params = function.get("parameters");
        // Gemini refuses an object schema without properties: a tool without parameters omits it
        if (params != null && params.isObject() && params.path("properties").size() > 0) {
          declaration.set("parameters", schema(params.deepCopy()));
        }
      }
    }
    JsonNode choice = chat.get("tool_choice");
    if (choice == null || choice.isNull()) {
      return;
    }
    ObjectNode config = out.putObject("toolConfig").putObject("functionCallingConfig");
    String named = ChatRequests.namedChoice(choice);
    if (named != null) {
      config.put("mode", "ANY").putArray("allowedFunctionNames").add(named);
      return;
    }
    switch (choice.asText()) {
      case "auto" -> config.put("mode", "AUTO");
      case "required" -> config.put("mode", "ANY");
      case "none" -> config.put("mode", "NONE");
      default ->
          throw new FormatException("tool_choice '" + choice.asText() + "' is not supported");
    }
  }

  /** Drops the JSON Schema keywords Gemini's OpenAPI-style schema refuses, at every level. */
  private static ObjectNode schema(ObjectNode node) {
    node.remove("$schema");
    node.remove("additionalProperties");
    node.remove("strict");
    // recurse only where schemas sit, so a property that happens to be named "strict" survives
    JsonNode properties = node.get("properties");
    if (properties != null && properties.isObject()) {
      properties.forEach(ChatToGeminiRequest::subschema);
    }
    subschema(node.get("items"));
    for (String list : new String[] {"anyOf", "oneOf", "allOf"}) {
      JsonNode options = node.get(list);
      if (options != null && options.isArray()) {
        options.forEach(ChatToGeminiRequest::subschema);
      }
    }
    return node;
  }

  private static void subschema(JsonNode node) {
    if (node != null && node.isObject()) {
      schema((ObjectNode) node);
    }
  }

  private static void copy(JsonNode from, String field, ObjectNode to, String as) {
    if (Json.has(from, field)) {
      to.set(as, from.get(field));
    }
  }
}
