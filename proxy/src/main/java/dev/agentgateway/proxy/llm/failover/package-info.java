/** Choosing an LLM provider: priority groups, P2C on health and latency, eviction and failover. */
package dev.agentgateway.proxy.llm.failover;
