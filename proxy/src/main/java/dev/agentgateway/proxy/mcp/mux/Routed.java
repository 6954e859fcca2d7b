package dev.agentgateway.proxy.mcp.mux;

import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;

/**
 * A request routed to one target, or refused.
 *
 * @param target the target's name, or null when refused
 * @param request the request as the target must see it, or null when refused
 * @param refusal the error answer, or null when routed
 */
record Routed(String target, JsonRpcMessage.Request request, JsonRpcMessage refusal) {}
