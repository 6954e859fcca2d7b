/**
 * Gateway API types the fabric8 model (7.5.2) lacks, written to the upstream schema so that
 * informers and status writes work on them like on the rest.
 */
package dev.agentgateway.control.gatewayapi;
