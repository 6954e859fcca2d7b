package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code add} object of {@link TransformationRequest}. */
@ValidationRule(
    value =
        "!has(self.name) || (!self.name.startsWith(':') || self.name in [':authority', ':method', ':path', ':scheme', ':status'])",
    message = "pseudo-headers must be one of :authority, :method, :path, :scheme, or :status")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HeaderExpression(
    @Required @Size(min = 1, max = 256) @Pattern("^:?[A-Za-z0-9!#$%&'*+\\-.^_\\x60|~]+$")
        String name,
    @Required @Size(min = 1, max = 16384) String value) {}
