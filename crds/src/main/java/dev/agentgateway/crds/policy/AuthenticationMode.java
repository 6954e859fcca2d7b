package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Values of {@code mode} in {@link ApiKeyAuthentication}. */
public enum AuthenticationMode {
  @JsonProperty("Optional")
  OPTIONAL,
  @JsonProperty("Permissive")
  PERMISSIVE,
  @JsonProperty("Strict")
  STRICT
}
