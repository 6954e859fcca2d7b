package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code azure} object of {@link NamedProvider}. */
@ValidationRule(
    value = "self.resourceType != 'Foundry' || has(self.projectName)",
    message = "projectName is required when resourceType is Foundry")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NamedAzureProvider(
    @Size(min = 1, max = 64) String apiVersion,
    @Size(min = 1, max = 256) String model,
    @Size(min = 1, max = 256) String projectName,
    @Required @Size(min = 1, max = 256) String resourceName,
    @Required ResourceType resourceType) {}
