/**
 * The HTTP reverse proxy: forwarding, header hygiene, retries and timeouts, over pooled upstream
 * connections.
 */
package dev.agentgateway.proxy.http;
