package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;

/** The {@code promptCaching} object of {@link AiPolicy}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PromptCaching(
    @Min(0) @Default("0") Integer cacheMessageOffset,
    @Default("true") Boolean cacheMessages,
    @Default("true") Boolean cacheSystem,
    @Default("false") Boolean cacheTools,
    @Min(0) @Default("1024") Integer minTokens) {}
