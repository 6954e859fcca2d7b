package dev.agentgateway.proxy.llm.guard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.agentgateway.proxy.llm.format.ClientFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PromptEnrichmentTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ObjectNode json(String text) throws Exception {
    return (ObjectNode) JSON.readTree(text.replace('\'', '"'));
  }

  private static final PromptEnrichment PROMPTS =
      new PromptEnrichment(
          List.of(new ChatMessage("system", "Be brief."), new ChatMessage("user", "Context: X")),
          List.of(new ChatMessage("system", "Respond with emojis only")));

  @Test
  void openAiGetsMessagesPrependedAndAppendedInOrder() throws Exception {
    ObjectNode body = json("{'messages':[{'role':'user','content':'hi'}]}");
    assertTrue(PROMPTS.apply(body, ClientFormat.OPENAI_CHAT));
    assertEquals(
        json(
            "{'messages':[{'role':'system','content':'Be brief.'},{'role':'user','content':'Context:"
                + " X'},{'role':'user','content':'hi'},{'role':'system','content':'Respond with"
                + " emojis only'}]}"),
        body);
  }

  @Test
  void anthropicSystemMessagesJoinTheSystemPrompt() throws Exception {
    ObjectNode body = json("{'system':'You help.','messages':[{'role':'user','content':'hi'}]}");
    PROMPTS.apply(body, ClientFormat.ANTHROPIC_MESSAGES);
    assertEquals("Be brief.\n\nYou help.\n\nRespond with emojis only", body.get("system").asText());
    assertEquals("Context: X", body.at("/messages/0/content").asText());
    assertEquals("hi", body.at("/messages/1/content").asText());

    ObjectNode blocks = json("{'system':[{'type':'text','text':'You help.'}],'messages':[]}");
    PROMPTS.apply(blocks, ClientFormat.ANTHROPIC_MESSAGES);
    assertEquals("Be brief.", blocks.at("/system/0/text").asText());
    assertEquals("Respond with emojis only", blocks.at("/system/2/text").asText());

    ObjectNode none = json("{'messages':[]}");
    PROMPTS.apply(none, ClientFormat.ANTHROPIC_MESSAGES);
    assertEquals("Be brief.\n\nRespond with emojis only", none.get("system").asText());
  }

  @Test
  void emptyEnrichmentChangesNothing() throws Exception {
    ObjectNode body = json("{'messages':[]}");
    assertFalse(new PromptEnrichment(null, null).apply(body, ClientFormat.OPENAI_CHAT));
    assertEquals(json("{'messages':[]}"), body);
  }

  @Test
  void aliasesThenDefaultsThenOverrides() throws Exception {
    Map<String, String> aliases = new LinkedHashMap<>();
    aliases.put("fast", "gpt-4o-mini");
    aliases.put("claude-*", "claude-sonnet-4");
    aliases.put("*", "gpt-4o");
    BodyEdits edits =
        new BodyEdits(
            Map.of(
                "temperature", (JsonNode) IntNode.valueOf(0), "max_tokens", IntNode.valueOf(100)),
            Map.of("user", (JsonNode) TextNode.valueOf("gateway")),
            aliases);
    ObjectNode body = json("{'model':'fast','max_tokens':5,'user':'me'}");
    assertTrue(edits.apply(body));
    assertEquals(
        json("{'model':'gpt-4o-mini','max_tokens':5,'user':'gateway','temperature':0}"), body);
    assertEquals("claude-sonnet-4", edits.resolveAlias("claude-3-haiku"));
    assertEquals("gpt-4o", edits.resolveAlias("anything"));
    assertNull(new BodyEdits(null, null, Map.of("a", "b")).resolveAlias("c"));
    assertFalse(new BodyEdits(null, null, null).apply(json("{'model':'x'}")));
  }

  @Test
  void globMatchesStarsOnly() {
    assertTrue(Glob.matches("anthropic/*", "anthropic/claude"));
    assertTrue(Glob.matches("*-mini", "gpt-4o-mini"));
    assertTrue(Glob.matches("a*b*c", "aXbYc"));
    assertFalse(Glob.matches("a.c", "abc"));
    assertFalse(Glob.matches("anthropic/*", "openai/gpt"));
  }
}
