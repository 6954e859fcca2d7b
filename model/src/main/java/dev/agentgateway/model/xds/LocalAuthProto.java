package dev.agentgateway.model.xds;

import dev.agentgateway.model.ir.ApiKeyAuthPolicy;
import dev.agentgateway.model.ir.AuthorizationPolicy;
import dev.agentgateway.model.ir.BasicAuthPolicy;
import dev.agentgateway.model.ir.CredentialLocation;
import dev.agentgateway.model.ir.CsrfPolicy;
import dev.agentgateway.model.ir.McpAuthorizationPolicy;
import dev.agentgateway.model.ir.Secret;
import dev.agentgateway.model.xds.proto.ApiKeyAuth;
import dev.agentgateway.model.xds.proto.BasicAuth;
import dev.agentgateway.model.xds.proto.Csrf;
import dev.agentgateway.model.xds.proto.HttpAuthorization;
import dev.agentgateway.model.xds.proto.McpAuthorization;

/**
 * IR ⇄ proto for the local authentication and authorization route policies: {@code apiKey}, {@code
 * basicAuth}, {@code authorization} and {@code csrf}.
 */
final class LocalAuthProto {
  private LocalAuthProto() {}

  static ApiKeyAuth apiKey(ApiKeyAuthPolicy p) {
    ApiKeyAuth.Builder b =
        ApiKeyAuth.newBuilder()
            .setMode(ApiKeyAuth.Mode.valueOf(p.mode().name()))
            .setLocation(location(p.location()));
    for (ApiKeyAuthPolicy.Key key : p.keys()) {
      ApiKeyAuth.Key.Builder kb = ApiKeyAuth.Key.newBuilder();
      if (key.value() != null) {
        kb.setValue(key.value().value());
      } else {
        kb.setSha256(key.sha256());
      }
      if (key.metadataJson() != null) {
        kb.setMetadataJson(key.metadataJson());
      }
      b.addKeys(kb);
    }
    return b.build();
  }

  static ApiKeyAuthPolicy apiKey(Fields f, String at, ApiKeyAuth p) {
    ApiKeyAuthPolicy.Mode mode =
        switch (p.getMode()) {
          case OPTIONAL -> ApiKeyAuthPolicy.Mode.OPTIONAL;
          case STRICT -> ApiKeyAuthPolicy.Mode.STRICT;
          case PERMISSIVE -> ApiKeyAuthPolicy.Mode.PERMISSIVE;
          case UNRECOGNIZED -> throw f.fail(at + ".mode", "unknown value");
        };
    var keys =
        f.list(
            at + ".keys",
            p.getKeysList(),
            (kat, k) ->
                f.checked(
                    kat,
                    () ->
                        new ApiKeyAuthPolicy.Key(
                            switch (k.getKindCase()) {
                              case VALUE -> new Secret(f.required(kat + ".value", k.getValue()));
                              case SHA256, KIND_NOT_SET -> null;
                            },
                            switch (k.getKindCase()) {
                              case SHA256 -> k.getSha256();
                              case VALUE -> null;
                              case KIND_NOT_SET -> throw f.fail(kat, "no value or sha256 set");
                            },
                            k.hasMetadataJson() ? k.getMetadataJson() : null)));
    CredentialLocation location = location(f, at + ".location", p.hasLocation(), p.getLocation());
    return f.checked(at + ".keys", () -> new ApiKeyAuthPolicy(mode, keys, location));
  }

  static BasicAuth basicAuth(BasicAuthPolicy p) {
    BasicAuth.Builder b =
        BasicAuth.newBuilder()
            .setMode(BasicAuth.Mode.valueOf(p.mode().name()))
            .setLocation(location(p.location()));
    if (p.realm() != null) {
      b.setRealm(p.realm());
    }
    for (BasicAuthPolicy.User user : p.users()) {
      b.addUsers(
          BasicAuth.User.newBuilder().setUsername(user.username()).setHash(user.hash().value()));
    }
    return b.build();
  }

  static BasicAuthPolicy basicAuth(Fields f, String at, BasicAuth p) {
    BasicAuthPolicy.Mode mode =
        switch (p.getMode()) {
          case OPTIONAL -> BasicAuthPolicy.Mode.OPTIONAL;
          case STRICT -> BasicAuthPolicy.Mode.STRICT;
          case UNRECOGNIZED -> throw f.fail(at + ".mode", "unknown value");
        };
    var users =
        f.list(
            at + ".users",
            p.getUsersList(),
            (uat, u) ->
                f.checked(
                    uat,
                    () ->
                        new BasicAuthPolicy.User(
                            u.getUsername(), new Secret(f.required(uat + ".hash", u.getHash())))));
    CredentialLocation location = location(f, at + ".location", p.hasLocation(), p.getLocation());
    return f.checked(
        at, () -> new BasicAuthPolicy(users, p.hasRealm() ? p.getRealm() : null, mode, location));
  }

  static HttpAuthorization authorization(AuthorizationPolicy p) {
    return HttpAuthorization.newBuilder()
        .addAllRules(
            AuthPoliciesProto.mcpAuthorization(new McpAuthorizationPolicy(p.rules()))
                .getRulesList())
        .build();
  }

  static AuthorizationPolicy authorization(Fields f, String at, HttpAuthorization p) {
    McpAuthorizationPolicy rules =
        AuthPoliciesProto.mcpAuthorization(
            f, at, McpAuthorization.newBuilder().addAllRules(p.getRulesList()).build());
    return new AuthorizationPolicy(rules.rules());
  }

  static Csrf csrf(CsrfPolicy p) {
    return Csrf.newBuilder().addAllAdditionalOrigins(p.additionalOrigins()).build();
  }

  static CsrfPolicy csrf(Fields f, String at, Csrf p) {
    return f.checked(
        at + ".additional_origins", () -> new CsrfPolicy(p.getAdditionalOriginsList()));
  }

  static dev.agentgateway.model.xds.proto.CredentialLocation location(CredentialLocation l) {
    var b = dev.agentgateway.model.xds.proto.CredentialLocation.newBuilder();
    switch (l) {
      case CredentialLocation.Header h -> {
        var hb =
            dev.agentgateway.model.xds.proto.CredentialLocation.Header.newBuilder()
                .setName(h.name());
        if (h.prefix() != null) {
          hb.setPrefix(h.prefix());
        }
        b.setHeader(hb);
      }
      case CredentialLocation.QueryParameter q -> b.setQueryParameter(q.name());
      case CredentialLocation.Cookie c -> b.setCookie(c.name());
    }
    return b.build();
  }

  static CredentialLocation location(
      Fields f, String at, boolean present, dev.agentgateway.model.xds.proto.CredentialLocation p) {
    if (!present) {
      throw f.fail(at, "required");
    }
    return switch (p.getKindCase()) {
      case HEADER ->
          new CredentialLocation.Header(
              f.nonBlank(at + ".header.name", p.getHeader().getName()),
              p.getHeader().hasPrefix() ? p.getHeader().getPrefix() : null);
      case QUERY_PARAMETER ->
          new CredentialLocation.QueryParameter(
              f.nonBlank(at + ".query_parameter", p.getQueryParameter()));
      case COOKIE -> new CredentialLocation.Cookie(f.nonBlank(at + ".cookie", p.getCookie()));
      case KIND_NOT_SET -> throw f.fail(at, "no header, query_parameter or cookie set");
    };
  }
}
