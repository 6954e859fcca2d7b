/** Route policies compiled once per route into small immutable objects applied per request. */
package dev.agentgateway.proxy.policy;
