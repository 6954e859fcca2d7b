package dev.agentgateway.crds.common;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;
import java.util.Map;

/** The {@code oauthTokenExchange} object of {@link BackendAuth}. */
@ValidationRule(
    value =
        "!(has(self.requestedTokenType) && has(self.grantType) && self.grantType == 'JwtBearer')",
    message = "requestedTokenType is only valid with TokenExchange grantType")
@ValidationRule(
    value = "!has(self.requestedTokenType) || self.requestedTokenType != 'IdJag'",
    message = "requestedTokenType IdJag is only supported by crossAppAccess")
@ValidationRule(
    value = "has(self.url) ? !has(self.path) : true",
    message = "path may not be set when url is set")
@ValidationRule(
    value = "[has(self.backendRef),has(self.url)].filter(x,x==true).size() == 1",
    message = "exactly one of the fields in [backendRef url] must be set")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OauthTokenExchange(
    @Size(max = 64) Map<String, String> additionalParams,
    @Size(min = 1, max = 64) List<String> audiences,
    BackendRef backendRef,
    ClientAuth clientAuth,
    GrantType grantType,
    @Pattern("^/") String path,
    RequestedTokenType requestedTokenType,
    @Size(min = 1, max = 64) List<String> resources,
    @Size(min = 1, max = 64) List<String> scopes,
    @Size(min = 1, max = 1024) @Pattern("^https?://[^/?#@]+(/[^?#]*)?$") String url) {}
