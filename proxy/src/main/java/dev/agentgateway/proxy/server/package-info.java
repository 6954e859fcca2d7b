/** Listener sockets per bind, and the drain that graceful shutdown waits on. */
package dev.agentgateway.proxy.server;
