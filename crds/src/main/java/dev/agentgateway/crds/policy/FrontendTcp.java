package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code tcp} object of {@link Frontend}. */
@ValidationRule(
    value = "[has(self.keepalive)].filter(x,x==true).size() >= 1",
    message = "at least one of the fields in [keepalive] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FrontendTcp(Keepalive keepalive) {

  /** The {@code keepalive} object of {@link FrontendTcp}. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Keepalive(
      @Size(max = 32)
          @Pattern("^([0-9]{1,5}(h|m|s|ms)){1,4}$")
          @ValidationRule(
              value = "duration(self) >= duration('1s')",
              message = "interval must be at least 1 second")
          String interval,
      @Min(1) @Max(64) Integer retries,
      @Size(max = 32)
          @Pattern("^([0-9]{1,5}(h|m|s|ms)){1,4}$")
          @ValidationRule(
              value = "duration(self) >= duration('1s')",
              message = "time must be at least 1 second")
          String time) {}
}
