/** LLM providers: where each API lives, how the gateway authenticates to it, and SigV4. */
package dev.agentgateway.proxy.llm.provider;
