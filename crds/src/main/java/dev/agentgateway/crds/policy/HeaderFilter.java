package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/** The {@code request} and {@code response} objects of {@link HeaderModifiers}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record HeaderFilter(
    @Size(max = 16) List<HttpHeader> add,
    @Size(max = 16) List<String> remove,
    @Size(max = 16) List<HttpHeader> set) {}
