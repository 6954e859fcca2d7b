/** The CEL transformations, buffer and CEL direct-response policies, compiled once per route. */
package dev.agentgateway.proxy.policy.transform;
