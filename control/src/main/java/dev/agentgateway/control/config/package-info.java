/** The controller's settings, read from the upstream {@code AGW_*} environment names. */
package dev.agentgateway.control.config;
