package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;

/** The {@code hostRewrite} object of {@link TrafficPolicy}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HostRewrite(@Required HostRewriteMode mode) {}
