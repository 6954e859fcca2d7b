/**
 * LLM wire formats: request, response, stream and error translation between client and provider
 * APIs.
 */
package dev.agentgateway.proxy.llm.format;
