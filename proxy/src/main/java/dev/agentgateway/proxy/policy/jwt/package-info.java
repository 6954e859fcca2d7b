/**
 * JWT bearer authentication: providers (issuer, audiences, JWKS inline, from a file or a URL with a
 * cache), the strict/optional/permissive modes and the config records in upstream's field names.
 */
package dev.agentgateway.proxy.policy.jwt;
