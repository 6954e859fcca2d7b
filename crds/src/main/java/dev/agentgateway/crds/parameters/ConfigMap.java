package dev.agentgateway.crds.parameters;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The {@code configMap} object of {@link ModelCatalogSource}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfigMap(String key, @Required @Size(min = 1) String name) {}
