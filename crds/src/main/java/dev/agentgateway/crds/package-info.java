/** The agentgateway.dev/v1alpha1 custom resources as Java types; the CRD YAML is generated. */
package dev.agentgateway.crds;
