package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Values of {@code provider} in {@link JwtMcp}. */
public enum McpIdp {
  @JsonProperty("Auth0")
  AUTH0,
  @JsonProperty("Authentik")
  AUTHENTIK,
  @JsonProperty("Descope")
  DESCOPE,
  @JsonProperty("Entra")
  ENTRA,
  @JsonProperty("Keycloak")
  KEYCLOAK,
  @JsonProperty("Okta")
  OKTA
}
