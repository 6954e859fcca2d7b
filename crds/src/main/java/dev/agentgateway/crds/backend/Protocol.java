package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Values of {@code protocol} in {@link McpStaticTarget}. */
public enum Protocol {
  @JsonProperty("SSE")
  SSE,
  @JsonProperty("StreamableHTTP")
  STREAMABLE_HTTP
}
