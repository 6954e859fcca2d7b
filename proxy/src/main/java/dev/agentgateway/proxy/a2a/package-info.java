/** A2A backends: request classification, agent-card rewriting and JSON-RPC telemetry. */
package dev.agentgateway.proxy.a2a;
