/**
 * Per-Gateway proxy provisioning: AgentgatewayParameters resolution, the Deployment, Service,
 * ServiceAccount and ConfigMaps a Gateway owns, and the JOSDK reconciler that applies them.
 */
package dev.agentgateway.control.deploy;
