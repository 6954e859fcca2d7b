package dev.agentgateway.crds.parameters;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;

/** The {@code claim} object of {@link Resources}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ResourceClaim(@Required String name, String request) {}
