package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Values of {@code action} in {@link AuthorizationPolicyConfig}. */
public enum AuthorizationAction {
  @JsonProperty("Allow")
  ALLOW,
  @JsonProperty("Deny")
  DENY,
  @JsonProperty("Require")
  REQUIRE
}
