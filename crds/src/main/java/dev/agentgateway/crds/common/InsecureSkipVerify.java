package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Values of {@code insecureSkipVerify} in {@link BackendTls}. */
public enum InsecureSkipVerify {
  @JsonProperty("All")
  ALL,
  @JsonProperty("Hostname")
  HOSTNAME
}
