package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code azure} object of {@link BackendAuth}. */
@ValidationRule(
    value =
        "[has(self.secretRef),has(self.managedIdentity),has(self.workloadIdentity)].filter(x,x==true).size() <= 1",
    message =
        "at most one of the fields in [secretRef managedIdentity workloadIdentity] may be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Azure(
    ManagedIdentity managedIdentity, SecretRef secretRef, Marker workloadIdentity) {}
