/** AgentgatewayPolicy ({@code agpol}): traffic and backend policies attached to targets. */
package dev.agentgateway.crds.policy;
