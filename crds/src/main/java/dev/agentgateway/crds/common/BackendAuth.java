package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code auth} object of {@link BackendPolicies}. */
@ValidationRule(
    value =
        "false || has(self.key) || has(self.secretRef) || has(self.passthrough) || has(self.aws) || has(self.azure) || has(self.gcp) || has(self.oauthTokenExchange) || false || false",
    message =
        "must specify credentials, or at most one of key/secretRef/passthrough/aws/azure/gcp/oauthTokenExchange/crossAppAccess/jwtSign (credentials may be combined with a primary auth kind)")
@ValidationRule(
    value =
        "[has(self.key),has(self.secretRef),has(self.passthrough),has(self.aws),has(self.azure),has(self.gcp),has(self.oauthTokenExchange)].filter(x,x==true).size() <= 1",
    message =
        "at most one of the fields in [key secretRef passthrough aws azure gcp oauthTokenExchange] may be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackendAuth(
    Aws aws,
    Azure azure,
    Gcp gcp,
    @Size(max = 2048) String key,
    OauthTokenExchange oauthTokenExchange,
    Marker passthrough,
    AuthSecretRef secretRef) {}
