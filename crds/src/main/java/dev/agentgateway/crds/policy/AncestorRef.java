package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The {@code ancestorRef} object of {@link Ancestor}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AncestorRef(
    @Size(max = 253)
        @Pattern("^$|^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
        @Default("gateway.networking.k8s.io")
        String group,
    @Size(min = 1, max = 63) @Pattern("^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$") @Default("Gateway")
        String kind,
    @Required @Size(min = 1, max = 253) String name,
    @Size(min = 1, max = 63) @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$") String namespace,
    @Min(1) @Max(65535) Integer port,
    @Size(min = 1, max = 253)
        @Pattern("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")
        String sectionName) {}
