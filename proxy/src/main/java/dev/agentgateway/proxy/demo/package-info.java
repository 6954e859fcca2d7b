/** The built-in demo upstream behind the default config. */
package dev.agentgateway.proxy.demo;
