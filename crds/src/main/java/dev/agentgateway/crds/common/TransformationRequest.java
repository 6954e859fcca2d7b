package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import java.util.Map;

/** The {@code request} object of {@link BackendTransformation}. */
@ValidationRule(
    value =
        "[has(self.add),has(self.body),has(self.metadata),has(self.remove),has(self.set)].filter(x,x==true).size() >= 1",
    message = "at least one of the fields in [add body metadata remove set] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransformationRequest(
    @Size(min = 1, max = 16) List<HeaderExpression> add,
    @Size(min = 1, max = 16384) String body,
    @Size(min = 1, max = 16) Map<String, String> metadata,
    @Size(min = 1, max = 16) List<String> remove,
    @Size(min = 1, max = 16) List<HeaderExpression> set) {}
