package dev.agentgateway.proxy.policy.backend;

import dev.agentgateway.model.ir.BackendHttpPolicy;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.proxy.http.upstream.SocketOptions;
import dev.agentgateway.proxy.policy.cel.LazyCelEngine;

/**
 * A route's backend policies for plain HTTP backends, compiled.
 *
 * @param auth the credential to inject, or {@code null}
 * @param health passive health and eviction, or {@code null}
 * @param socket TCP settings of new connections, or {@code null} for the proxy's
 * @param version the upstream HTTP version, or {@code null} to infer it (HTTP/2 for gRPC)
 */
public record BackendPolicies(
    BackendAuthInjector auth,
    HealthCheck health,
    SocketOptions socket,
    BackendHttpPolicy.Version version) {
  /** No backend policies. */
  public static final BackendPolicies NONE = new BackendPolicies(null, null, null, null);

  /** Compiles the backend fields of {@code p}. */
  public static BackendPolicies compile(RoutePolicies p, LazyCelEngine cel) {
    if (p.backendAuth() == null
        && p.health() == null
        && p.backendTcp() == null
        && p.backendHttp() == null) {
      return NONE;
    }
    return new BackendPolicies(
        BackendAuthInjector.compile(p.backendAuth()),
        HealthCheck.compile(p.health(), cel),
        SocketOptions.of(p.backendTcp()),
        p.backendHttp() == null ? null : p.backendHttp().version());
  }

  /** Whether a request goes upstream over HTTP/2 ({@code grpc}: the client's request is gRPC). */
  public boolean http2(boolean grpc) {
    return version == null ? grpc : version == BackendHttpPolicy.Version.HTTP2;
  }
}
