/** The data plane: composition root and command line. */
package dev.agentgateway.proxy;
