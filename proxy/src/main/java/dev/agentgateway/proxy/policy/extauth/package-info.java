/** The {@code extAuthz} route policy: Envoy's gRPC ext_authz API, or a plain HTTP auth service. */
package dev.agentgateway.proxy.policy.extauth;
