package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Values of {@code scope} in {@link PromptGuardRequest}. */
public enum GuardrailScope {
  @JsonProperty("Messages")
  MESSAGES,
  @JsonProperty("SystemPrompt")
  SYSTEM_PROMPT,
  @JsonProperty("ToolInput")
  TOOL_INPUT,
  @JsonProperty("ToolOutput")
  TOOL_OUTPUT
}
