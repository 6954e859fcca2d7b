/** TLS for listeners (SNI-chosen certificates, mTLS) and for upstream connections (backendTLS). */
package dev.agentgateway.proxy.tls;
