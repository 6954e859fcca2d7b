package dev.agentgateway.proxy.llm.format;

/** Maps each provider's stop reason to OpenAI's {@code finish_reason} and back to Anthropic's. */
final class StopReasons {
  private StopReasons() {}

  static String anthropicToOpenAi(String reason) {
    if (reason == null) {
      return null;
    }
    return switch (reason) {
      case "max_tokens", "model_context_window_exceeded" -> "length";
      case "tool_use" -> "tool_calls";
      case "refusal" -> "content_filter";
      default -> "stop"; // end_turn, stop_sequence, pause_turn
    };
  }

  static String bedrockToOpenAi(String reason) {
    if (reason == null) {
      return null;
    }
    return switch (reason) {
      case "max_tokens", "model_context_window_exceeded" -> "length";
      case "tool_use" -> "tool_calls";
      case "guardrail_intervened", "content_filtered" -> "content_filter";
      default -> "stop"; // end_turn, stop_sequence
    };
  }

  /**
   * Gemini has no tool-call reason: a STOP after a function call is OpenAI's {@code tool_calls}.
   */
  static String geminiToOpenAi(String reason, boolean sawToolCall) {
    if (reason == null) {
      return null;
    }
    return switch (reason) {
      case "MAX_TOKENS" -> "length";
      case "SAFETY", "RECITATION", "BLOCKLIST", "PROHIBITED_CONTENT", "SPII", "IMAGE_SAFETY" ->
          "content_filter";
      default -> sawToolCall ? "tool_calls" : "stop";
    };
  }

  /** Bedrock mostly uses Anthropic's names; its filter reasons are Anthropic's refusal. */
  static String bedrockToAnthropic(String reason) {
    if (reason == null) {
      return "end_turn";
    }
    return switch (reason) {
      case "guardrail_intervened", "content_filtered" -> "refusal";
      case "end_turn", "tool_use", "max_tokens", "stop_sequence", "model_context_window_exceeded" ->
          reason;
      default -> "end_turn";
    };
  }

  static String openAiToAnthropic(String reason) {
    if (reason == null) {
      return null;
    }
    return switch (reason) {
      case "length" -> "max_tokens";
      case "tool_calls", "function_call" -> "tool_use";
      case "content_filter" -> "refusal";
      default -> "end_turn";
    };
  }
}
