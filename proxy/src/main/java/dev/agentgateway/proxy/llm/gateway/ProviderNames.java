package dev.agentgateway.proxy.llm.gateway;

import dev.agentgateway.model.ir.AiProvider;

/** The OpenTelemetry {@code gen_ai.provider.name} of each provider kind. */
final class ProviderNames {
  private ProviderNames() {}

  static String system(AiProvider provider) {
    return switch (provider.spec()) {
      case AiProvider.OpenAi s -> "openai";
      case AiProvider.Anthropic s -> "anthropic";
      case AiProvider.Gemini s -> "gcp.gemini";
      case AiProvider.Vertex s -> "gcp.vertex_ai";
      case AiProvider.Bedrock s -> "aws.bedrock";
      case AiProvider.Azure s -> "azure.ai.openai";
      case AiProvider.Copilot s -> "github_copilot";
      case AiProvider.Custom c -> c.providerName() == null ? "custom" : c.providerName();
    };
  }
}
