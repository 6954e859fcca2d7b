/**
 * Local rate limiting: token buckets counting requests or LLM tokens, and their response headers.
 */
package dev.agentgateway.proxy.policy.ratelimit;
