/** A gRPC-free cache of immutable, versioned xDS snapshots per Gateway, with delta watches. */
package dev.agentgateway.control.xds.cache;
