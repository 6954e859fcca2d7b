/** The Delta ADS gRPC server that serves the snapshot cache to proxies, and its publisher. */
package dev.agentgateway.control.xds.server;
