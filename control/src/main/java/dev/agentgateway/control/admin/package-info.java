/** The controller's health (9093) and Prometheus metrics (9092) endpoints. */
package dev.agentgateway.control.admin;
