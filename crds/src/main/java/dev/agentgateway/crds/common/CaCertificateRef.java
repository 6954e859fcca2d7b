package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;

/** The {@code caCertificateRefs} items of {@link BackendTls}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CaCertificateRef(
    @Default("ConfigMap") Kind kind, @Required @Size(min = 1, max = 253) String name) {

  /** Where the CA certificates are kept. */
  public enum Kind {
    @JsonProperty("ConfigMap")
    CONFIG_MAP,
    @JsonProperty("Secret")
    SECRET
  }
}
