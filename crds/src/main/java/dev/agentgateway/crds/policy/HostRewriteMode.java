package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Values of {@code mode} in {@link HostRewrite}. */
public enum HostRewriteMode {
  @JsonProperty("Auto")
  AUTO,
  @JsonProperty("None")
  NONE
}
