/**
 * Gateway API and agentgateway resources to IR and status: a pure function of the cluster objects
 * the controller watches, so it is tested with golden files and no API server.
 */
package dev.agentgateway.control.translate;
