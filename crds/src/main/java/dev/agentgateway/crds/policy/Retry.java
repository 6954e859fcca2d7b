package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** The {@code retry} object of {@link TrafficPolicy}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Retry(
    @Min(1) Integer attempts,
    @Pattern("^([0-9]{1,5}(h|m|s|ms)){1,4}$") String backoff,
    List<@Min(400) @Max(599) Integer> codes,
    @Size(min = 1, max = 16384) String condition,
    @Size(min = 1, max = 16384) String precondition) {}
