package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

/** An object without fields whose presence selects a mode, as in {@code passthrough: {}}. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY)
public record Marker() {}
