package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Values of {@code prefixMode} in {@link McpBackend}. */
public enum PrefixMode {
  @JsonProperty("Always")
  ALWAYS,
  @JsonProperty("Conditional")
  CONDITIONAL,
  @JsonProperty("Never")
  NEVER
}
