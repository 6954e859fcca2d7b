package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The {@code attributes} object of {@link FrontendAccessLog} and {@link FrontendTracing}. */
@ValidationRule(
    value = "[has(self.add),has(self.remove)].filter(x,x==true).size() >= 1",
    message = "at least one of the fields in [add remove] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TelemetryAttributes(
    @Size(min = 1) List<Attribute> add,
    @Size(min = 1, max = 32) List<@Size(min = 1, max = 64) String> remove) {

  /** One added attribute: a name and the CEL expression giving its value. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Attribute(
      @Required @Size(min = 1, max = 16384) String expression,
      @Required @Size(min = 1, max = 256) String name) {}
}
