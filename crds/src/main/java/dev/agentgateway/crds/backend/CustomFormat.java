package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code format} object of {@link CustomProvider}. */
@ValidationRule(
    value = "!has(self.path) || self.path.startsWith('/')",
    message = "path must start with /")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomFormat(
    @Size(min = 1, max = 1024) String path, @Required CustomFormatType type) {}
