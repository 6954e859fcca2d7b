package dev.agentgateway.crds.common;

import io.fabric8.crd.generator.annotation.PreserveUnknownFields;

/**
 * Schema-only marker for free-form objects: an object whose content the API server keeps as
 * written. Fields typed {@code JsonNode} point here with {@code @SchemaFrom}.
 */
@PreserveUnknownFields
public record FreeForm() {}
