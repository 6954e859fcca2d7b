package dev.agentgateway.proxy.llm.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.agentgateway.proxy.llm.format.ClientFormat;
import java.util.Map;
import java.util.Set;

/**
 * Walks the texts of a chat request (OpenAI chat or Responses, Anthropic messages) that fall in a
 * set of {@link ContentScope}s, in document order, and writes back the ones a visitor changes. The
 * same order every time, so a webhook's masked list maps back onto the body piece by piece.
 */
public final class RequestTexts {
  private RequestTexts() {}

  /**
   * Visits every text in {@code scopes} and replaces those the visitor changes.
   *
   * @return whether anything changed
   */
  public static boolean rewrite(
      ObjectNode body, ClientFormat format, Set<ContentScope> scopes, TextVisitor visitor) {
    Walk walk = new Walk(scopes, visitor);
    switch (format) {
      case ANTHROPIC_MESSAGES -> walk.anthropic(body);
      case OPENAI_CHAT -> walk.openAi(body);
      case OPENAI_RESPONSES -> walk.responses(body);
    }
    return walk.changed;
  }

  private static final Map<String, ContentScope> OPENAI_ROLES =
      Map.of(
          "system", ContentScope.SYSTEM_PROMPT,
          "developer", ContentScope.SYSTEM_PROMPT,
          "user", ContentScope.MESSAGES,
          "assistant", ContentScope.MESSAGES,
          "tool", ContentScope.TOOL_OUTPUT,
          "function", ContentScope.TOOL_OUTPUT);

  private static final class Walk {
    private final Set<ContentScope> scopes;
    private final TextVisitor visitor;
    private boolean changed;

    Walk(Set<ContentScope> scopes, TextVisitor visitor) {
      this.scopes = scopes;
      this.visitor = visitor;
    }

    void openAi(ObjectNode body) {
      for (JsonNode node : body.path("messages")) {
        if (!(node instanceof ObjectNode message)) {
          continue;
        }
        String role = message.path("role").asText("user");
        ContentScope scope = OPENAI_ROLES.getOrDefault(role, ContentScope.MESSAGES);
        if (scopes.contains(scope)) {
          content(message, "content", role);
        }
        if (scopes.contains(ContentScope.TOOL_INPUT)) {
          for (JsonNode call : message.path("tool_calls")) {
            if (call.path("function") instanceof ObjectNode function) {
              field(function, "arguments", role);
            }
          }
        }
      }
    }

    /**
     * OpenAI Responses: {@code instructions} is the system prompt; {@code input} is one user string
     * or a list of message, {@code function_call} and {@code function_call_output} items.
     */
    void responses(ObjectNode body) {
      if (scopes.contains(ContentScope.SYSTEM_PROMPT)) {
        field(body, "instructions", "system");
      }
      JsonNode input = body.get("input");
      if (input != null && input.isTextual()) {
        if (scopes.contains(ContentScope.MESSAGES)) {
          field(body, "input", "user");
        }
        return;
      }
      for (JsonNode node : body.path("input")) {
        if (!(node instanceof ObjectNode item)) {
          continue;
        }
        switch (item.path("type").asText("message")) {
          case "message" -> {
            String role = item.path("role").asText("user");
            if (scopes.contains(OPENAI_ROLES.getOrDefault(role, ContentScope.MESSAGES))) {
              responsesContent(item, "content", role);
            }
          }
          case "function_call" -> {
            if (scopes.contains(ContentScope.TOOL_INPUT)) {
              field(item, "arguments", "assistant");
            }
          }
          case "function_call_output" -> {
            if (scopes.contains(ContentScope.TOOL_OUTPUT)) {
              responsesContent(item, "output", "tool");
            }
          }
          default -> {}
        }
      }
    }

    /** A Responses content field: a string, or parts of type input_text, output_text or text. */
    private void responsesContent(ObjectNode owner, String name, String role) {
      JsonNode content = owner.get(name);
      if (content == null) {
        return;
      }
      if (content.isTextual()) {
        field(owner, name, role);
        return;
      }
      for (JsonNode part : content) {
        if (part instanceof ObjectNode p
            && switch (p.path("type").asText()) {
              case "input_text", "output_text", "text" -> true;
              default -> false;
            }) {
          field(p, "text", role);
        }
      }
    }

    void anthropic(ObjectNode body) {
      if (scopes.contains(ContentScope.SYSTEM_PROMPT)) {
        content(body, "system", "system");
      }
      for (JsonNode node : body.path("messages")) {
        if (!(node instanceof ObjectNode message)) {
          continue;
        }
        String role = message.path("role").asText("user");
        JsonNode content = message.get("content");
        if (content != null && content.isTextual()) {
          if (scopes.contains(ContentScope.MESSAGES)) {
            field(message, "content", role);
          }
          continue;
        }
        for (JsonNode block : message.path("content")) {
          if (block instanceof ObjectNode b) {
            anthropicBlock(b, role);
          }
        }
      }
    }

    private void anthropicBlock(ObjectNode block, String role) {
      switch (block.path("type").asText()) {
        case "text" -> {
          if (scopes.contains(ContentScope.MESSAGES)) {
            field(block, "text", role);
          }
        }
        case "tool_result" -> {
          if (scopes.contains(ContentScope.TOOL_OUTPUT)) {
            content(block, "content", "tool");
          }
        }
        case "tool_use" -> {
          if (scopes.contains(ContentScope.TOOL_INPUT)) {
            strings(block.get("input"), role);
          }
        }
        default -> {}
      }
    }

    /** A content field: a string, or an array of {@code {type: text, text}} parts. */
    private void content(ObjectNode owner, String name, String role) {
      JsonNode content = owner.get(name);
      if (content == null) {
        return;
      }
      if (content.isTextual()) {
        field(owner, name, role);
        return;
      }
      for (JsonNode part : content) {
        if (part instanceof ObjectNode p && "text".equals(p.path("type").asText())) {
          field(p, "text", role);
        }
      }
    }

    /** Every string leaf of a JSON value (Anthropic tool input is an object, not a string). */
    private void strings(JsonNode node, String role) {
      if (node instanceof ObjectNode object) {
        for (Map.Entry<String, JsonNode> e : object.properties()) {
          if (e.getValue().isTextual()) {
            field(object, e.getKey(), role);
          } else {
            strings(e.getValue(), role);
          }
        }
      } else if (node instanceof ArrayNode array) {
        for (int i = 0; i < array.size(); i++) {
          JsonNode item = array.get(i);
          if (item.isTextual()) {
            String next = visitor.visit(role, item.asText());
            if (!next.equals(item.asText())) {
              array.set(i, TextNode.valueOf(next));
              changed = true;
            }
          } else {
            strings(item, role);
          }
        }
      }
    }

    private void field(ObjectNode owner, String name, String role) {
      JsonNode value = owner.get(name);
      if (value == null || !value.isTextual()) {
        return;
      }
      String next = visitor.visit(role, value.asText());
      if (!next.equals(value.asText())) {
        owner.put(name, next);
        changed = true;
      }
    }
  }
}
