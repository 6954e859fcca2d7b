package dev.agentgateway.crds.parameters;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The {@code valueFrom} object of {@link EnvVar}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnvVarSource(
    ConfigMapKeyRef configMapKeyRef,
    FieldRef fieldRef,
    FileKeyRef fileKeyRef,
    ResourceFieldRef resourceFieldRef,
    ConfigMapKeyRef secretKeyRef) {}
