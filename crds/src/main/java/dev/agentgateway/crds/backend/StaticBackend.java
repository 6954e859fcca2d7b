package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code static} object of {@link AgentgatewayBackendSpec}. */
@ValidationRule(
    value = "has(self.unixPath) || (has(self.host) && has(self.port))",
    message = "must specify either unixPath or both host and port")
@ValidationRule(
    value = "!has(self.unixPath) || (!has(self.host) && !has(self.port))",
    message = "unixPath and host/port are mutually exclusive")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StaticBackend(
    @Size(min = 1, max = 256) String host,
    @Min(1) @Max(65535) Integer port,
    @Size(min = 1) String unixPath) {}
