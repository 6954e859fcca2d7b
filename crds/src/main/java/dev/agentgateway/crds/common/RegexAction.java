package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Values of {@code action} in {@link Regex}. */
public enum RegexAction {
  @JsonProperty("Mask")
  MASK,
  @JsonProperty("Reject")
  REJECT
}
