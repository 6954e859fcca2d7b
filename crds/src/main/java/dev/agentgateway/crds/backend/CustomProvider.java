package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The {@code custom} object of {@link NamedProvider}. */
@ValidationRule(
    value =
        "!has(self.backendRef) || (((!has(self.backendRef.group) || self.backendRef.group == \"\") && (!has(self.backendRef.kind) || self.backendRef.kind == 'Service')) || (has(self.backendRef.group) && self.backendRef.group == 'inference.networking.k8s.io' && has(self.backendRef.kind) && self.backendRef.kind == 'InferencePool'))",
    message = "custom provider backendRef may target only Service or InferencePool")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CustomProvider(
    CustomBackendRef backendRef,
    @Required @Size(min = 1, max = 6) List<CustomFormat> formats,
    @Size(min = 1, max = 256) String model) {}
