/** AgentgatewayParameters ({@code agpar}): how the controller deploys a Gateway's proxy. */
package dev.agentgateway.crds.parameters;
