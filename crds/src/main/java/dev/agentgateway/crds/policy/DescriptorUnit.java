package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Values of {@code unit} in {@link RateLimitDescriptor}. */
public enum DescriptorUnit {
  @JsonProperty("Requests")
  REQUESTS,
  @JsonProperty("Tokens")
  TOKENS
}
