/** A lean pooled HTTP/1.1 client for upstreams: blocking sockets, one buffer each way. */
package dev.agentgateway.proxy.http.upstream;
