package dev.agentgateway.model.ir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AiProviderTest {
  private static AiProvider serving(String pattern) {
    return new AiProvider(
        "p", new AiProvider.OpenAi(null), null, null, null, false, null, pattern, Map.of());
  }

  @Test
  void modelPatternsAreExactNamesOrGlobs() {
    assertTrue(serving(null).serves("anything"));
    assertTrue(serving(null).serves(null));
    assertTrue(serving("smart").serves("smart"));
    assertFalse(serving("smart").serves("smart2"));
    assertTrue(serving("anthropic/*").serves("anthropic/claude-sonnet-4-5"));
    assertTrue(serving("anthropic/*").serves("anthropic/"));
    assertFalse(serving("anthropic/*").serves("openai/gpt-4o"));
    assertTrue(serving("gpt-*-mini").serves("gpt-4o-mini"));
    assertFalse(serving("gpt-*-mini").serves("gpt-4o"));
    assertFalse(serving("a*a").serves("a"));
    assertTrue(serving("*").serves("x"));
    assertFalse(serving("smart").serves(null));
  }

  @Test
  void customProvidersNeedAHostAndOverridesNeedAbsolutePaths() {
    AiProvider.Custom custom =
        new AiProvider.Custom(
            null,
            "x",
            List.of(new AiProvider.FormatPath(AiProvider.ProviderFormat.COMPLETIONS, null)));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> new AiProvider("c", custom, null, null, null));
    assertEquals("a custom provider needs a hostOverride", e.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> new AiProvider("o", new AiProvider.OpenAi(null), null, "v1/chat", null));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            new AiProvider(
                "o", new AiProvider.OpenAi(null), null, null, null, true, null, null, Map.of()));
  }
}
