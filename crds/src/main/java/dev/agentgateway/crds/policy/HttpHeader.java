package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The {@code add} and {@code set} entries of {@link HeaderFilter}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HttpHeader(
    @Required @Size(min = 1, max = 256) @Pattern("^[A-Za-z0-9!#$%&'*+\\-.^_\\x60|~]+$") String name,
    @Required @Size(min = 1, max = 4096) String value) {}
