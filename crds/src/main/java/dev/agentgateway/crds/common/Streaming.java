package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Values of {@code streaming} in {@link PromptGuard}. */
public enum Streaming {
  @JsonProperty("Enabled")
  ENABLED
}
