/** End-to-end tests: the controller's xDS server feeding a proxy, both real, in one JVM. */
package dev.agentgateway.e2e;
