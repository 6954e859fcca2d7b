package dev.agentgateway.proxy.llm.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream's {@code prompts}: messages to {@code prepend} and {@code append} to every chat request.
 * OpenAI requests take them as messages. Anthropic has no system role in {@code messages}, so
 * system messages join the top-level {@code system} prompt (before or after what is there) and the
 * others become messages.
 */
public record PromptEnrichment(List<ChatMessage> prepend, List<ChatMessage> append) {
  /** Copies; nulls mean none. */
  public PromptEnrichment {
    prepend = prepend == null ? List.of() : List.copyOf(prepend);
    append = append == null ? List.of() : List.copyOf(append);
  }

  /** Edits {@code body} in place; returns whether it changed. */
  public boolean apply(ObjectNode body, LlmFormat format) {
    if (prepend.isEmpty() && append.isEmpty()) {
      return false;
    }
    ArrayNode messages = messages(body);
    if (format == LlmFormat.COMPLETIONS) {
      for (int i = prepend.size() - 1; i >= 0; i--) {
        messages.insert(0, message(body, prepend.get(i)));
      }
      for (ChatMessage m : append) {
        messages.add(message(body, m));
      }
      return true;
    }
    List<String> systemBefore = new ArrayList<>();
    List<String> systemAfter = new ArrayList<>();
    int inserted = 0;
    for (ChatMessage m : prepend) {
      if (isSystem(m)) {
        systemBefore.add(m.content());
      } else {
        messages.insert(inserted++, message(body, m));
      }
    }
    for (ChatMessage m : append) {
      if (isSystem(m)) {
        systemAfter.add(m.content());
      } else {
        messages.add(message(body, m));
      }
    }
    anthropicSystem(body, systemBefore, systemAfter);
    return true;
  }

  private static boolean isSystem(ChatMessage m) {
    return m.role().equals("system") || m.role().equals("developer");
  }

  private static ArrayNode messages(ObjectNode body) {
    JsonNode existing = body.get("messages");
    return existing instanceof ArrayNode array ? array : body.putArray("messages");
  }

  private static ObjectNode message(ObjectNode body, ChatMessage m) {
    return body.objectNode().put("role", m.role()).put("content", m.content());
  }

  /** Adds texts around Anthropic's {@code system}, which is a string or a list of text blocks. */
  private static void anthropicSystem(ObjectNode body, List<String> before, List<String> after) {
    if (before.isEmpty() && after.isEmpty()) {
      return;
    }
    JsonNode system = body.get("system");
    if (system instanceof ArrayNode blocks) {
      for (int i = before.size() - 1; i >= 0; i--) {
        blocks.insert(0, body.objectNode().put("type", "text").put("text", before.get(i)));
      }
      for (String text : after) {
        blocks.addObject().put("type", "text").put("text", text);
      }
      return;
    }
    List<String> parts = new ArrayList<>(before);
    if (system != null && system.isTextual() && !system.asText().isEmpty()) {
      parts.add(system.asText());
    }
    parts.addAll(after);
    body.put("system", String.join("\n\n", parts));
  }
}
