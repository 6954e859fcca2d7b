package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code location} of a credential: a header, a query parameter, a cookie or CEL. */
@ValidationRule(
    value =
        "[has(self.header),has(self.queryParameter),has(self.cookie),has(self.expression)].filter(x,x==true).size() == 1",
    message = "exactly one of the fields in [header queryParameter cookie expression] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AuthorizationLocation(
    Named cookie,
    @Size(min = 1, max = 16384) String expression,
    Header header,
    Named queryParameter) {

  /** A header and the prefix before the credential in it. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Header(
      @Required @Size(min = 1, max = 256) @Pattern("^[A-Za-z0-9!#$%&'*+\\-.^_\\x60|~]+$")
          String name,
      @Size(min = 1, max = 256) String prefix) {}

  /** A cookie or query parameter by name. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Named(@Required @Size(min = 1, max = 256) String name) {}
}
