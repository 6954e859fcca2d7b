/** Watches the local config file and applies changes (hot reload). */
package dev.agentgateway.proxy.config;
