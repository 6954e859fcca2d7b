/** The xDS client: a Delta ADS subscription to the controller that feeds the proxy's state. */
package dev.agentgateway.proxy.xds;
