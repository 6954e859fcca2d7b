package dev.agentgateway.crds.parameters;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The {@code csi} object of {@link SpiffeSource}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SpiffeCsi(String driver) {}
