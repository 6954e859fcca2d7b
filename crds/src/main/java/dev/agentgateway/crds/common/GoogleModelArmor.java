package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The {@code googleModelArmor} object of {@link PromptGuardRequest}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GoogleModelArmor(
    @Size(min = 1, max = 256) @Default("us-central1") String location,
    GoogleModelArmorPolicies policies,
    @Required @Size(min = 1, max = 256) String projectId,
    @Required @Size(min = 1, max = 256) String templateId) {}
