package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Values of {@code method} in {@link ClientAuth}. */
public enum ClientAuthMethod {
  @JsonProperty("ClientSecretBasic")
  CLIENT_SECRET_BASIC,
  @JsonProperty("ClientSecretPost")
  CLIENT_SECRET_POST,
  @JsonProperty("PrivateKeyJwt")
  PRIVATE_KEY_JWT
}
