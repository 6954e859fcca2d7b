/**
 * Local stand-ins for LLM providers (OpenAI, Anthropic, Gemini, Bedrock) that speak their real wire
 * formats from recorded payloads, with scriptable failures, for tests without API keys.
 */
package dev.agentgateway.proxy.testing.llm;
