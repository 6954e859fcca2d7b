/** The proxy's one immutable state, compiled from the IR and swapped atomically. */
package dev.agentgateway.proxy.state;
