/**
 * The translation loop: watches what translation reads, re-translates after changes, publishes IR
 * to the xDS cache and (on the leader) writes status.
 */
package dev.agentgateway.control.sync;
