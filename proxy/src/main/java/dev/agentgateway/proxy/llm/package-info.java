/** LLM backends: token usage and, in subpackages, wire formats. */
package dev.agentgateway.proxy.llm;
