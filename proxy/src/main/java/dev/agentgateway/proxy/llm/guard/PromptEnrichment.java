package dev.agentgateway.proxy.llm.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentgateway.proxy.llm.format.ClientFormat;
import java.util.ArrayList;
import java.util.List;

/**
 * Upstream's {@code prompts}: messages to {@code prepend} and {@code append} to every chat request.
 * OpenAI chat requests take them as messages, OpenAI Responses requests as {@code input} message
 * items. Anthropic has no system role in {@code messages}, so system messages join the top-level
 * {@code system} prompt (before or after what is there) and the others become messages.
 */
public record PromptEnrichment(List<ChatMessage> prepend, List<ChatMessage> append) {
  /** Copies; nulls mean none. */
  public PromptEnrichment {
    prepend = prepend == null ? List.of() : List.copyOf(prepend);
    append = append == null ? List.of() : List.copyOf(append);
  }

  /** Edits {@code body} in place; returns whether it changed. */
  public boolean apply(ObjectNode body, ClientFormat format) {
    if (prepend.isEmpty() && append.isEmpty()) {
      return false;
    }
    if (format == ClientFormat.OPENAI_RESPONSES) {
      responses(body);
      return true;
    }
    ArrayNode messages = messages(body);
    if (format == ClientFormat.OPENAI_CHAT) {
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

  /**
   * OpenAI Responses: {@code input} is a string (one user message) or a list of items; the messages
   * become message items around it, system ones included (Responses takes system and developer
   * roles in {@code input}).
   */
  private void responses(ObjectNode body) {
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
    for (int i = prepend.size() - 1; i >= 0; i--) {
      items.insert(0, message(body, prepend.get(i)).put("type", "message"));
    }
    for (ChatMessage m : append) {
      items.add(message(body, m).put("type", "message"));
    }
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
