/** Extension points of the HTTP proxy for backend protocols (e.g. A2A) that watch an exchange. */
package dev.agentgateway.proxy.http.spi;
