/** Admin, stats and readiness endpoints. */
package dev.agentgateway.proxy.admin;
