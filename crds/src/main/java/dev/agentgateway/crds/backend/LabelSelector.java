package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A Kubernetes label selector, as in {@link McpTargetSelector}: every matchLabels pair and every
 * matchExpressions requirement must hold.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LabelSelector(
    List<LabelSelectorRequirement> matchExpressions, Map<String, String> matchLabels) {}
