package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Values of {@code methodsValue} in {@link GuardrailProcessor}. */
public enum MethodsValue {
  @JsonProperty("Full")
  FULL,
  @JsonProperty("Off")
  OFF,
  @JsonProperty("Request")
  REQUEST,
  @JsonProperty("Response")
  RESPONSE
}
