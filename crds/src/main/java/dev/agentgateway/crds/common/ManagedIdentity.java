package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code managedIdentity} object of {@link Azure}. */
@ValidationRule(
    value =
        "[has(self.clientId),has(self.objectId),has(self.resourceId)].filter(x,x==true).size() <= 1",
    message = "at most one of the fields in [clientId objectId resourceId] may be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ManagedIdentity(String clientId, String objectId, String resourceId) {}
