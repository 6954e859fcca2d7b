/**
 * The standalone (local file) config loader: agentgateway YAML into the IR, with field paths on
 * every error.
 */
package dev.agentgateway.model.config;
