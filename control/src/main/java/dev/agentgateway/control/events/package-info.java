/** Kubernetes Events the controller records on the objects it manages. */
package dev.agentgateway.control.events;
