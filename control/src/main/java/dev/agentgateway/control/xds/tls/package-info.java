/** TLS for the xDS port: the CA and serving certificates, kept in a Secret and rotated in place. */
package dev.agentgateway.control.xds.tls;
