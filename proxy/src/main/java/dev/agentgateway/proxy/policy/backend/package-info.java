/** Backend policies of plain HTTP backends: auth injection, passive health, connection settings. */
package dev.agentgateway.proxy.policy.backend;
