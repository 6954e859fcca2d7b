/**
 * Hand-written helpers shared by the proxy's tests: ports, IR configs, proxy and upstream servers.
 */
package dev.agentgateway.proxy.testing;
