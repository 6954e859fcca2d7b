package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Values of {@code phase} in {@link TrafficPolicy}. */
public enum Phase {
  @JsonProperty("PostRouting")
  POST_ROUTING,
  @JsonProperty("PreRouting")
  PRE_ROUTING
}
