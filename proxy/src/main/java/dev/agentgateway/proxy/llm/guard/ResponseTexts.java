package dev.agentgateway.proxy.llm.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentgateway.proxy.llm.format.ClientFormat;

/**
 * Walks the generated texts of a non-streamed chat response, in order: OpenAI {@code
 * choices[].message.content}, OpenAI Responses {@code output[]} message items' {@code output_text}
 * parts, Anthropic {@code content[]} text blocks.
 */
public final class ResponseTexts {
  private ResponseTexts() {}

  /**
   * Visits every generated text and replaces those the visitor changes.
   *
   * @return whether anything changed
   */
  public static boolean rewrite(ObjectNode body, ClientFormat format, TextVisitor visitor) {
    boolean changed = false;
    if (format == ClientFormat.OPENAI_RESPONSES) {
      for (JsonNode item : body.path("output")) {
        if (!"message".equals(item.path("type").asText())) {
          continue;
        }
        String role = item.path("role").asText("assistant");
        for (JsonNode part : item.path("content")) {
          if (part instanceof ObjectNode p && "output_text".equals(p.path("type").asText())) {
            changed |= replace(p, "text", role, visitor);
          }
        }
      }
      return changed;
    }
    if (format == ClientFormat.ANTHROPIC_MESSAGES) {
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
