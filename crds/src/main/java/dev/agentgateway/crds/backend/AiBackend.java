package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The {@code ai} object of {@link AgentgatewayBackendSpec}. */
@ValidationRule(
    value = "[has(self.provider),has(self.groups)].filter(x,x==true).size() == 1",
    message = "exactly one of the fields in [provider groups] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AiBackend(@Size(min = 1, max = 8) List<ProviderGroup> groups, AiProvider provider) {}
