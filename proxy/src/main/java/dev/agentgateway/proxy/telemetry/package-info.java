/** Metrics in Prometheus text form, access logs and process logging. */
package dev.agentgateway.proxy.telemetry;
