package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Default;
import java.util.List;

/** The {@code regex} object of {@link PromptGuardRequest}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Regex(
    @Default("Mask") RegexAction action, List<BuiltinPattern> builtins, List<String> matches) {}
