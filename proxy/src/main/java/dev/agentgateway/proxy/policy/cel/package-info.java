/**
 * CEL expressions: compiled once at config load against upstream's variables ({@code request},
 * {@code source}, {@code jwt}, {@code mcp}, ...), evaluated per request over a lazy activation.
 */
package dev.agentgateway.proxy.policy.cel;
