package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Values of {@code certificateSource} in {@link BackendTls}. */
public enum CertificateSource {
  @JsonProperty("Inline")
  INLINE,
  @JsonProperty("SPIFFE")
  SPIFFE
}
