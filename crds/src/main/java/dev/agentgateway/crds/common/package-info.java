/** Types shared by several agentgateway.dev CRDs, mostly the backend policy block. */
package dev.agentgateway.crds.common;
