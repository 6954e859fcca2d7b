package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code secretRef} object of {@link Auth}. */
@ValidationRule(
    value =
        "(!has(self.group) || size(self.group) == 0) ? (!has(self.kind) || size(self.kind) == 0 || self.kind == 'Secret') : (has(self.kind) && size(self.kind) > 0)",
    message = "custom credential refs must set both group and kind")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthSecretRef(
    String group,
    @Size(min = 1, max = 253) String key,
    String kind,
    @Required @Size(min = 1, max = 253) String name) {}
