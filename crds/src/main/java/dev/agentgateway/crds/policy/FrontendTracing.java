package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentgateway.crds.common.BackendRef;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The {@code tracing} object of {@link Frontend}. */
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
public record FrontendTracing(
    TelemetryAttributes attributes,
    BackendRef backendRef,
    @Size(min = 1, max = 16384) String clientSampling,
    @Size(min = 1, max = 16384) String filter,
    @Size(min = 1, max = 1024) String path,
    @Default("GRPC") Protocol protocol,
    @Size(min = 1, max = 16384) String randomSampling,
    List<Resource> resources,
    @Size(min = 1, max = 1024) @Pattern("^https?://[^/?#@]+(/[^?#]*)?$") String url) {

  /** OTLP transport. */
  public enum Protocol {
    GRPC,
    HTTP
  }

  /** One resource attribute of the tracer (not supported yet). */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Resource(
      @Required @Size(min = 1, max = 16384) String expression,
      @Required @Size(min = 1, max = 256) String name) {}
}
