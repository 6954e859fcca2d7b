/** LLM guardrails (regex and PII masking, streaming masking, webhook guards) and prompt edits. */
package dev.agentgateway.proxy.llm.guard;
