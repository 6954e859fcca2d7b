package dev.agentgateway.crds.policy;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.agentgateway.crds.common.KeyExchangeGroup;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The {@code tls} object of {@link Frontend}. */
@ValidationRule(
    value =
        "[has(self.alpnProtocols),has(self.cipherSuites),has(self.handshakeTimeout),has(self.keyExchangeGroups),has(self.maxProtocolVersion),has(self.minProtocolVersion)].filter(x,x==true).size() >= 1",
    message =
        "at least one of the fields in [alpnProtocols cipherSuites handshakeTimeout keyExchangeGroups maxProtocolVersion minProtocolVersion] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FrontendTls(
    @Size(min = 1, max = 16) List<@Size(min = 1, max = 64) String> alpnProtocols,
    List<CipherSuite> cipherSuites,
    @Size(max = 32)
        @Pattern("^([0-9]{1,5}(h|m|s|ms)){1,4}$")
        @ValidationRule(
            value = "duration(self) >= duration('100ms')",
            message = "handshakeTimeout must be at least 100ms")
        String handshakeTimeout,
    List<KeyExchangeGroup> keyExchangeGroups,
    Version maxProtocolVersion,
    Version minProtocolVersion) {

  /** Values of {@code minProtocolVersion} and {@code maxProtocolVersion}. */
  public enum Version {
    @JsonProperty("1.2")
    V1_2,
    @JsonProperty("1.3")
    V1_3
  }

  /** Values of {@code cipherSuites}. */
  public enum CipherSuite {
    TLS13_AES_128_GCM_SHA256,
    TLS13_AES_256_GCM_SHA384,
    TLS13_CHACHA20_POLY1305_SHA256,
    TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256,
    TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384,
    TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256,
    TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256,
    TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384,
    TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256
  }
}
