package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import java.util.Map;

/** The {@code configMapSelector} object of {@link ApiKeyAuthentication}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ConfigMapSelector(@Required Map<String, String> matchLabels) {}
