/** Frontend (connection) policies: resolved per bind, applied to its server, logs and spans. */
package dev.agentgateway.proxy.frontend;
