/**
 * The internal representation (IR) of proxy configuration, shared by the local file loader and xDS.
 */
package dev.agentgateway.model.ir;
