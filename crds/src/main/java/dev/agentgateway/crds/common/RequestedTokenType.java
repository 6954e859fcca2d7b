package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Values of {@code requestedTokenType} in {@link OauthTokenExchange}. */
public enum RequestedTokenType {
  @JsonProperty("AccessToken")
  ACCESS_TOKEN,
  @JsonProperty("Jwt")
  JWT,
  @JsonProperty("IdToken")
  ID_TOKEN,
  @JsonProperty("IdJag")
  ID_JAG
}
