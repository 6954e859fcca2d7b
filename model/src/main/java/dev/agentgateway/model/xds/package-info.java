/** Conversion between the IR and its xDS wire form ({@code agentgateway.dev.resource}). */
package dev.agentgateway.model.xds;
