package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Size;
import java.util.Map;

/** The {@code grpc} object of {@link ExtAuth}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Grpc(
    @Size(max = 64) Map<String, String> contextExtensions,
    @Size(max = 64) Map<String, String> requestMetadata) {}
