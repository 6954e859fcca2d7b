package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Values of {@code unit} in {@link LocalRateLimit}. */
public enum LocalUnit {
  @JsonProperty("Hours")
  HOURS,
  @JsonProperty("Minutes")
  MINUTES,
  @JsonProperty("Seconds")
  SECONDS
}
