package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code keepalive} object of {@link BackendTcp}. */
@ValidationRule(
    value = "!has(self.interval) || duration(self.interval) >= duration('1s')",
    message = "interval must be at least 1 second")
@ValidationRule(
    value = "!has(self.time) || duration(self.time) >= duration('1s')",
    message = "time must be at least 1 second")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackendTcpKeepalive(
    @Size(max = 32) @Pattern("^([0-9]{1,5}(h|m|s|ms)){1,4}$") String interval,
    @Min(1) @Max(64) Integer retries,
    @Size(max = 32) @Pattern("^([0-9]{1,5}(h|m|s|ms)){1,4}$") String time) {}
