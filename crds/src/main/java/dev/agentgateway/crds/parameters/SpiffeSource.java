package dev.agentgateway.crds.parameters;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code source} object of {@link Spiffe}. */
@ValidationRule(
    value = "[has(self.csi),has(self.hostPath)].filter(x,x==true).size() <= 1",
    message = "at most one of the fields in [csi hostPath] may be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpiffeSource(
    SpiffeCsi csi, HostPath hostPath, @Pattern("^/") String mountPath, String socketName) {}
