package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The {@code headerModifiers} object of {@link TrafficPolicy}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HeaderModifiers(HeaderFilter request, HeaderFilter response) {}
