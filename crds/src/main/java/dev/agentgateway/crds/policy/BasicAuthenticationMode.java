package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Values of {@code mode} in {@link BasicAuthentication}. */
public enum BasicAuthenticationMode {
  @JsonProperty("Optional")
  OPTIONAL,
  @JsonProperty("Strict")
  STRICT
}
