package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/** The {@code namespaces} object of {@link McpTargetSelector}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LabelSelector(Map<String, String> matchLabels) {}
