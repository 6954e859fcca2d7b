package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import java.util.List;

/** One {@code matchExpressions} entry of a {@link LabelSelector}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LabelSelectorRequirement(
    @Required String key, @Required String operator, List<String> values) {}
