package dev.agentgateway.proxy.llm.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Walks the generated texts of a non-streamed chat response, in order: OpenAI {@code
 * choices[].message.content}, Anthropic {@code content[]} text blocks.
 */
public final class ResponseTexts {
  private ResponseTexts() {}

  /**
   * Visits every generated text and replaces those the visitor changes.
   *
   * @return whether anything changed
   */
  public static boolean rewrite(ObjectNode body, LlmFormat format, TextVisitor visitor) {
    boolean changed = false;
    if (format == LlmFormat.MESSAGES) {
      String role = body.path("role").asText("assistant");
      for (JsonNode block : body.path("content")) {
        if (block instanceof ObjectNode b && "text".equals(b.path("type").asText())) {
          changed |= replace(b, "text", role, visitor);
        }
      }
      return changed;
    }
    for (JsonNode choice : body.path("choices")) {
      if (choice.path("message") instanceof ObjectNode message) {
        changed |= replace(message, "content", message.path("role").asText("assistant"), visitor);
      }
    }
    return changed;
  }

  private static boolean replace(ObjectNode owner, String name, String role, TextVisitor visitor) {
    JsonNode value = owner.get(name);
    if (value == null || !value.isTextual()) {
      return false;
    }
    String next = visitor.visit(role, value.asText());
    if (next.equals(value.asText())) {
      return false;
    }
    owner.put(name, next);
    return true;
  }
}
