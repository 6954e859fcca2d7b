package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code backendRef} object of {@link CustomProvider}. */
@ValidationRule(
    value = "(size(self.group) == 0 && self.kind == 'Service') ? has(self.port) : true",
    message = "Must have port for Service reference")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomBackendRef(
    @Size(max = 253)
        @Pattern("^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
        String group,
    @Size(min = 1, max = 63) @Pattern("^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$") @Default("Service")
        String kind,
    @Required @Size(min = 1, max = 253) String name,
    @Min(1) @Max(65535) Integer port) {}
