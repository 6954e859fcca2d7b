/** Service endpoints: the ready endpoints of each Service port and the per-request choice. */
package dev.agentgateway.proxy.endpoints;
