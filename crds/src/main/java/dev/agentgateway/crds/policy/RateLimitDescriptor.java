package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** The {@code descriptor} object of {@link GlobalRateLimit}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RateLimitDescriptor(
    @Size(min = 1, max = 16384) String cost,
    @Required @Size(min = 1, max = 16) List<DescriptorEntry> entries,
    @Size(min = 1, max = 16384) String limitOverride,
    DescriptorUnit unit) {}
