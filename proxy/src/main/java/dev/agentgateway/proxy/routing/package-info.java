/** Route selection: hostname, then Gateway API precedence, then weighted backend choice. */
package dev.agentgateway.proxy.routing;
