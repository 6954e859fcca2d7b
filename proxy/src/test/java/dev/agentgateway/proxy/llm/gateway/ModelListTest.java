package dev.agentgateway.proxy.llm.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentgateway.model.ir.AiProvider;
import dev.agentgateway.model.ir.Backend;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelListTest {
  private static AiProvider provider(String name, AiProvider.Spec spec, String pattern) {
    return new AiProvider(name, spec, null, null, null, false, null, pattern, Map.of());
  }

  @Test
  void listsExactNamesAndConfiguredModelsButNotGlobs() {
    Backend.Ai backend =
        new Backend.Ai(
            "b",
            List.of(
                List.of(provider("a", new AiProvider.OpenAi("gpt-4o"), "smart")),
                List.of(provider("b", new AiProvider.Anthropic(null), "claude-*")),
                List.of(provider("c", new AiProvider.Gemini("gemini-2.5-flash"), null)),
                List.of(provider("d", new AiProvider.OpenAi(null), null))));
    JsonNode data = ModelList.of(backend).get("data");
    assertEquals(2, data.size());
    assertEquals("smart", data.get(0).get("id").asText());
    assertEquals("openai", data.get(0).get("owned_by").asText());
    assertEquals("gemini-2.5-flash", data.get(1).get("id").asText());
  }
}
