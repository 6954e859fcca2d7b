package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Values of {@code keyExchangeGroup} in {@link BackendTls}. */
public enum KeyExchangeGroup {
  @JsonProperty("P-256")
  P_256,
  @JsonProperty("P-384")
  P_384,
  @JsonProperty("X25519")
  X25519,
  @JsonProperty("X25519_MLKEM768")
  X25519_MLKEM768
}
