package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;

/** The {@code clientAuth} object of {@link OauthTokenExchange}. */
@ValidationRule(
    value = "false == (has(self.method) && self.method == 'PrivateKeyJwt')",
    message = "privateKeyJwt settings require method PrivateKeyJwt")
@ValidationRule(
    value = "!has(self.secretRef) || !has(self.method) || self.method != 'PrivateKeyJwt'",
    message = "secretRef is not valid with method PrivateKeyJwt")
@ValidationRule(
    value =
        "has(self.secretRef) || false || (has(self.method) && self.method == 'ClientSecretPost')",
    message = "clientAuth without secretRef requires method ClientSecretPost or PrivateKeyJwt")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClientAuth(
    @Required @Size(min = 1) String clientId, ClientAuthMethod method, AuthSecretRef secretRef) {}
