/**
 * Local authentication and authorization of HTTP routes: {@code basicAuth} (htpasswd), {@code
 * apiKey}, CEL {@code authorization} and {@code csrf}, compiled once per route.
 */
package dev.agentgateway.proxy.policy.auth;
