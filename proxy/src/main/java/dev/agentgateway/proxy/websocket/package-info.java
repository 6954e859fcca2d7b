/** WebSocket (HTTP/1.1 Upgrade) passthrough: routes the handshake, then relays raw bytes. */
package dev.agentgateway.proxy.websocket;
