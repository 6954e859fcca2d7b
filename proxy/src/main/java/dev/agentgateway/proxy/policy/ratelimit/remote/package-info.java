/** The {@code remoteRateLimit} route policy: a global limit kept by an Envoy rate limit service. */
package dev.agentgateway.proxy.policy.ratelimit.remote;
