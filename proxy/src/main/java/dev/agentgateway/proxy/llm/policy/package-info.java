/** The LLM route policies ({@code ai}, {@code localRateLimit}) compiled for the LLM gateway. */
package dev.agentgateway.proxy.llm.policy;
