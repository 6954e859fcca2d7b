package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The {@code group} object of {@link AiBackend}. */
@ValidationRule(
    value =
        "!has(self.providers) || (self.providers.all(p1, self.providers.exists_one(p2, p1.name == p2.name)))",
    message = "provider names must be unique within a group")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProviderGroup(@Required @Size(min = 1, max = 16) List<NamedProvider> providers) {}
