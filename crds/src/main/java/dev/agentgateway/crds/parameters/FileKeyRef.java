package dev.agentgateway.crds.parameters;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;

/** The {@code fileKeyRef} object of {@link EnvVarSource}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileKeyRef(
    @Required String key,
    @Default("false") Boolean optional,
    @Required String path,
    @Required String volumeName) {}
