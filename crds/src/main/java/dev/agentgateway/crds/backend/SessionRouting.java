package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Values of {@code sessionRouting} in {@link McpBackend}. */
public enum SessionRouting {
  @JsonProperty("Stateful")
  STATEFUL,
  @JsonProperty("Stateless")
  STATELESS
}
