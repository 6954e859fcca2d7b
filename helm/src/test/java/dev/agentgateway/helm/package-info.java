/** Tests of the Helm charts: real Helm (helm-java), strict model parsing, RBAC coverage. */
package dev.agentgateway.helm;
