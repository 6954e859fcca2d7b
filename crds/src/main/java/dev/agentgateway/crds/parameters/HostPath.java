package dev.agentgateway.crds.parameters;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The {@code hostPath} object of {@link SpiffeSource}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HostPath(@Required @Size(min = 1) String path) {}
