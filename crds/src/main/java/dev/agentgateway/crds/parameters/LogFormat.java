package dev.agentgateway.crds.parameters;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Values of {@code format} in {@link Logging}. */
public enum LogFormat {
  @JsonProperty("json")
  JSON,
  @JsonProperty("text")
  TEXT
}
