package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;

/** The {@code bedrock} object of {@link NamedProvider}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BedrockProvider(
    @Size(min = 1, max = 256) String model,
    @Size(min = 1, max = 63) @Pattern("^[a-z0-9-]+$") @Default("us-east-1") String region) {}
