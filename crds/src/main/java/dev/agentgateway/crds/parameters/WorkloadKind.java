package dev.agentgateway.crds.parameters;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Values of {@code kind} in {@link Workload}. */
public enum WorkloadKind {
  @JsonProperty("DaemonSet")
  DAEMON_SET,
  @JsonProperty("Deployment")
  DEPLOYMENT
}
