package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code eviction} object of {@link HealthPolicy}. */
@ValidationRule(
    value = "!has(self.duration) || (duration(self.duration) >= duration('1s'))",
    message = "duration must be at least 1 second")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Eviction(
    @Min(0) Integer consecutiveFailures,
    @Size(max = 32) @Pattern("^([0-9]{1,5}(h|m|s|ms)){1,4}$") @Default("3s") String duration,
    @Min(0) @Max(100) Integer healthThreshold,
    @Min(0) @Max(100) Integer restoreHealth) {}
