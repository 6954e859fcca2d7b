package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Values of {@code resourceType} in {@link NamedAzureProvider}. */
public enum ResourceType {
  @JsonProperty("Foundry")
  FOUNDRY,
  @JsonProperty("OpenAI")
  OPEN_AI
}
