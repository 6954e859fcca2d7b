package dev.agentgateway.proxy.llm.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentgateway.proxy.llm.guard.ChatMessage;
import dev.agentgateway.proxy.llm.guard.PromptEnrichment;

/**
 * Prompt enrichment for OpenAI Responses requests: {@code input} is a string (one user message) or
 * a list of items; the configured messages become message items around it, system ones included
 * (the Responses API takes system and developer roles in {@code input}).
 */
final class ResponsesPrompts {
  private ResponsesPrompts() {}

  /** Edits {@code body} in place; returns whether it changed. */
  static boolean apply(ObjectNode body, PromptEnrichment prompts) {
    if (prompts.prepend().isEmpty() && prompts.append().isEmpty()) {
      return false;
    }
    JsonNode input = body.get("input");
    ArrayNode items;
    if (input instanceof ArrayNode array) {
      items = array;
    } else {
      items = body.arrayNode();
      if (input != null && input.isTextual()) {
        items.addObject().put("role", "user").put("content", input.asText());
      }
      body.set("input", items);
    }
    for (int i = prompts.prepend().size() - 1; i >= 0; i--) {
      items.insert(0, item(body, prompts.prepend().get(i)));
    }
    for (ChatMessage m : prompts.append()) {
      items.add(item(body, m));
    }
    return true;
  }

  private static ObjectNode item(ObjectNode body, ChatMessage m) {
    return body.objectNode()
        .put("type", "message")
        .put("role", m.role())
        .put("content", m.content());
  }
}
