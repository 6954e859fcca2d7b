package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Values of {@code version} in {@link BackendHttp}. */
public enum HttpVersion {
  @JsonProperty("HTTP1")
  HTTP1,
  @JsonProperty("HTTP2")
  HTTP2
}
