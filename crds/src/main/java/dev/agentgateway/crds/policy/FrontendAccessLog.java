package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentgateway.crds.common.BackendRef;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code accessLog} object of {@link Frontend}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FrontendAccessLog(
    TelemetryAttributes attributes, @Size(min = 1, max = 16384) String filter, Otlp otlp) {

  /** The {@code otlp} object of {@link FrontendAccessLog}: log export (not supported yet). */
  @ValidationRule(
      value = "!has(self.path) || !has(self.protocol) || self.protocol == 'HTTP'",
      message = "path is only valid with protocol HTTP")
  @ValidationRule(
      value = "!has(self.path) || self.path.startsWith('/')",
      message = "path must start with /")
  @ValidationRule(
      value = "[has(self.backendRef),has(self.url)].filter(x,x==true).size() == 1",
      message = "exactly one of the fields in [backendRef url] must be set")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Otlp(
      TelemetryAttributes attributes,
      BackendRef backendRef,
      @Size(min = 1, max = 16384) String filter,
      @Size(min = 1, max = 1024) String path,
      @Default("GRPC") FrontendTracing.Protocol protocol,
      @Size(min = 1, max = 1024) @Pattern("^https?://[^/?#@]+(/[^?#]*)?$") String url) {}
}
