package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Values of {@code allowMethod} in {@link Cors}. */
public enum HttpMethod {
  @JsonProperty("GET")
  GET,
  @JsonProperty("HEAD")
  HEAD,
  @JsonProperty("POST")
  POST,
  @JsonProperty("PUT")
  PUT,
  @JsonProperty("DELETE")
  DELETE,
  @JsonProperty("CONNECT")
  CONNECT,
  @JsonProperty("OPTIONS")
  OPTIONS,
  @JsonProperty("TRACE")
  TRACE,
  @JsonProperty("PATCH")
  PATCH,
  @JsonProperty("*")
  V
}
