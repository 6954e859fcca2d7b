package dev.agentgateway.model.config;

import dev.agentgateway.model.ir.AiProvider.ProviderFormat;
import java.util.List;
import java.util.Map;

/**
 * Upstream's provider presets ({@code provider: groq} in {@code llm.models}): OpenAI-compatible
 * services at known public base URLs, which expand to a custom provider at that URL.
 */
final class ProviderPresets {
  private ProviderPresets() {}

  /**
   * One preset.
   *
   * @param baseUrl where its OpenAI-compatible API lives
   * @param formats what it accepts, each with its own path or null for the conventional one
   * @param apiKeyEnv the environment variable its key is read from when none is configured, or null
   *     when it needs none
   */
  record Preset(String baseUrl, Map<ProviderFormat, String> formats, String apiKeyEnv) {}

  private static final Map<ProviderFormat, String> CHAT_AND_EMBEDDINGS =
      Map.of(ProviderFormat.COMPLETIONS, "", ProviderFormat.EMBEDDINGS, "");
  private static final Map<ProviderFormat, String> CHAT = Map.of(ProviderFormat.COMPLETIONS, "");

  static final Map<String, Preset> PRESETS =
      Map.ofEntries(
          Map.entry(
              "cohere",
              new Preset(
                  "https://api.cohere.ai/compatibility/v1",
                  Map.of(
                      ProviderFormat.COMPLETIONS, "",
                      ProviderFormat.EMBEDDINGS, "",
                      ProviderFormat.RERANK, "/v2/rerank"),
                  "COHERE_API_KEY")),
          Map.entry("ollama", new Preset("http://localhost:11434/v1", CHAT_AND_EMBEDDINGS, null)),
          Map.entry(
              "baseten",
              new Preset(
                  "https://inference.baseten.co/v1", CHAT_AND_EMBEDDINGS, "BASETEN_API_KEY")),
          Map.entry("cerebras", new Preset("https://api.cerebras.ai/v1", CHAT, "CEREBRAS_API_KEY")),
          Map.entry(
              "deepinfra",
              new Preset(
                  "https://api.deepinfra.com/v1/openai", CHAT_AND_EMBEDDINGS, "DEEPINFRA_API_KEY")),
          Map.entry(
              "deepseek", new Preset("https://api.deepseek.com/v1", CHAT, "DEEPSEEK_API_KEY")),
          Map.entry(
              "groq",
              new Preset("https://api.groq.com/openai/v1", CHAT_AND_EMBEDDINGS, "GROQ_API_KEY")),
          Map.entry(
              "huggingface", new Preset("https://router.huggingface.co/v1", CHAT, "HF_TOKEN")),
          Map.entry(
              "mistral",
              new Preset("https://api.mistral.ai/v1", CHAT_AND_EMBEDDINGS, "MISTRAL_API_KEY")),
          Map.entry(
              "openrouter",
              new Preset(
                  "https://openrouter.ai/api/v1", CHAT_AND_EMBEDDINGS, "OPENROUTER_API_KEY")),
          Map.entry(
              "togetherai",
              new Preset("https://api.together.xyz/v1", CHAT_AND_EMBEDDINGS, "TOGETHER_API_KEY")),
          Map.entry("xai", new Preset("https://api.x.ai/v1", CHAT_AND_EMBEDDINGS, "XAI_API_KEY")),
          Map.entry(
              "fireworks",
              new Preset(
                  "https://api.fireworks.ai/inference/v1",
                  CHAT_AND_EMBEDDINGS,
                  "FIREWORKS_API_KEY")));

  /** The preset names, sorted, for error messages. */
  static List<String> names() {
    return PRESETS.keySet().stream().sorted().toList();
  }
}
