package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Values of {@code failureMode} in {@link Webhook}. */
public enum FailureMode {
  @JsonProperty("FailClosed")
  FAIL_CLOSED,
  @JsonProperty("FailOpen")
  FAIL_OPEN
}
