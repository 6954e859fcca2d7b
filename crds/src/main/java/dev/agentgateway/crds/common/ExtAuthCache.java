package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** The {@code cache} object of {@link ExtAuth}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExtAuthCache(
    @Required @Size(min = 1, max = 16) List<String> key,
    @Min(1) Integer maxEntries,
    @Required @Size(min = 1, max = 16384) String ttl) {}
