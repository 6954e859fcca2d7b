package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Size;

/** The {@code aws} object of {@link Auth}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Aws(
    @Size(min = 1, max = 256) String region,
    SecretRef secretRef,
    @Size(min = 1, max = 256) String serviceName) {}
