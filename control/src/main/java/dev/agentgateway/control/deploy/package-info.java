/**
 * Per-Gateway proxy provisioning: AgentgatewayParameters resolution, the workload, Service,
 * ServiceAccount, ConfigMaps, session key Secret, PDB and HPA a Gateway owns, and the JOSDK
 * reconciler that applies them.
 */
package dev.agentgateway.control.deploy;
