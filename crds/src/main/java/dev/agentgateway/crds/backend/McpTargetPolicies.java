package dev.agentgateway.crds.backend;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.agentgateway.crds.common.BackendAuth;
import dev.agentgateway.crds.common.BackendTls;
import dev.agentgateway.crds.common.TunnelPolicy;

/** The {@code policies} object of {@link McpStaticTarget}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record McpTargetPolicies(BackendAuth auth, BackendTls tls, TunnelPolicy tunnel) {}
