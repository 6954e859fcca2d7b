/**
 * Serving an AI backend: the client's API from the request path, provider choice with failover, the
 * upstream call, and the answer written back in the client's format.
 */
package dev.agentgateway.proxy.llm.gateway;
