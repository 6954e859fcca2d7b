package dev.agentgateway.crds.parameters;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** The {@code metadata} object of {@link KubernetesResourceOverlay}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OverlayMetadata(Map<String, String> annotations, Map<String, String> labels) {}
