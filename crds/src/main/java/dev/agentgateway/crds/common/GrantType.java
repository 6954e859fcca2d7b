package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Values of {@code grantType} in {@link OauthTokenExchange}. */
public enum GrantType {
  @JsonProperty("JwtBearer")
  JWT_BEARER,
  @JsonProperty("TokenExchange")
  TOKEN_EXCHANGE
}
