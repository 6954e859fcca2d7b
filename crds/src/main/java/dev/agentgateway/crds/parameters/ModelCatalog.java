package dev.agentgateway.crds.parameters;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** The {@code modelCatalog} object of {@link AgentgatewayParametersSpec}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelCatalog(List<ModelCatalogSource> sources) {}
