package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Values of {@code type} in {@link Gcp}. */
public enum GcpType {
  @JsonProperty("AccessToken")
  ACCESS_TOKEN,
  @JsonProperty("IdToken")
  ID_TOKEN
}
