package dev.agentgateway.crds.parameters;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.IntOrString;

/** The {@code resourceFieldRef} object of {@link EnvVarSource}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceFieldRef(
    String containerName,
    @Pattern(
            "^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$")
        IntOrString divisor,
    @Required String resource) {}
