package dev.agentgateway.proxy.policy.extauth;

import io.helidon.webserver.http.ServerRequest;

/**
 * The request a check is about.
 *
 * @param request the downstream request (headers, method, path, peers)
 * @param body the body bytes to send, or {@code null} when the policy sends none
 */
public record AuthzRequest(ServerRequest request, byte[] body) {}
