package dev.agentgateway.crds.parameters;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The {@code source} object of {@link ModelCatalog}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelCatalogSource(ConfigMap configMap) {}
