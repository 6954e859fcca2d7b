/** xDS stream authentication: the proxy's ServiceAccount token, checked by a TokenReview. */
package dev.agentgateway.control.xds.auth;
