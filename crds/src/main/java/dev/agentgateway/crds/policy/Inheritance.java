package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Values of {@code inheritance} in {@link Strategy}. */
public enum Inheritance {
  @JsonProperty("Default")
  DEFAULT,
  @JsonProperty("Override")
  OVERRIDE
}
