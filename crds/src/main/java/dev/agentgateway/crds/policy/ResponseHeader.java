package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** A {@code headers} entry of {@link DirectResponse}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResponseHeader(
    @Required @Size(min = 1, max = 256) @Pattern("^[A-Za-z0-9!#$%&'*+\\-.^_\\x60|~]+$") String name,
    @Required @Size(min = 1, max = 16384) String value) {}
