package dev.agentgateway.crds.parameters;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.agentgateway.crds.common.FreeForm;
import io.fabric8.crd.generator.annotation.SchemaFrom;

/** The {@code daemonSet} object of {@link AgentgatewayParametersSpec}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record KubernetesResourceOverlay(
    OverlayMetadata metadata, @SchemaFrom(type = FreeForm.class) JsonNode spec) {}
