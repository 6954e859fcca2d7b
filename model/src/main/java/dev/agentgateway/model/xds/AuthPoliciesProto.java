package dev.agentgateway.model.xds;

import dev.agentgateway.model.ir.JwtAuthPolicy;
import dev.agentgateway.model.ir.McpAuthenticationPolicy;
import dev.agentgateway.model.ir.McpAuthorizationPolicy;
import dev.agentgateway.model.xds.proto.JwtAuth;
import dev.agentgateway.model.xds.proto.McpAuthentication;
import dev.agentgateway.model.xds.proto.McpAuthorization;

/** IR ⇄ proto for the authentication and authorization route policies. */
final class AuthPoliciesProto {
  private AuthPoliciesProto() {}

  static JwtAuth jwtAuth(JwtAuthPolicy p) {
    JwtAuth.Builder b = JwtAuth.newBuilder().setMode(JwtAuth.Mode.valueOf(p.mode().name()));
    for (JwtAuthPolicy.Provider provider : p.providers()) {
      JwtAuth.Provider.Builder pb =
          JwtAuth.Provider.newBuilder()
              .setIssuer(provider.issuer())
              .addAllAudiences(provider.audiences());
      switch (provider.jwks()) {
        case JwtAuthPolicy.Jwks.Inline i -> pb.setInline(i.json());
        case JwtAuthPolicy.Jwks.File f -> pb.setFile(f.path());
        case JwtAuthPolicy.Jwks.Remote r -> {
          pb.setUrl(r.url());
          if (r.cacheDuration() != null) {
            pb.setCacheDuration(IrToProto.duration(r.cacheDuration()));
          }
        }
      }
      b.addProviders(pb);
    }
    if (p.location() != null) {
      b.setLocation(LocalAuthProto.location(p.location()));
    }
    return b.build();
  }

  static McpAuthorization mcpAuthorization(McpAuthorizationPolicy p) {
    McpAuthorization.Builder b = McpAuthorization.newBuilder();
    p.rules()
        .forEach(
            r ->
                b.addRules(
                    McpAuthorization.Rule.newBuilder()
                        .setKind(McpAuthorization.Rule.Kind.valueOf(r.kind().name()))
                        .setExpression(r.expression())));
    return b.build();
  }

  static JwtAuthPolicy jwtAuth(Fields f, String at, JwtAuth p) {
    JwtAuthPolicy.Mode mode =
        switch (p.getMode()) {
          case OPTIONAL -> JwtAuthPolicy.Mode.OPTIONAL;
          case STRICT -> JwtAuthPolicy.Mode.STRICT;
          case PERMISSIVE -> JwtAuthPolicy.Mode.PERMISSIVE;
          case UNRECOGNIZED -> throw f.fail(at + ".mode", "unknown value");
        };
    var providers =
        f.list(
            at + ".providers",
            p.getProvidersList(),
            (pat, provider) ->
                new JwtAuthPolicy.Provider(
                    f.nonBlank(pat + ".issuer", provider.getIssuer()),
                    provider.getAudiencesList(),
                    switch (provider.getJwksCase()) {
                      case INLINE -> new JwtAuthPolicy.Jwks.Inline(provider.getInline());
                      case FILE ->
                          new JwtAuthPolicy.Jwks.File(
                              f.nonBlank(pat + ".file", provider.getFile()));
                      case URL ->
                          new JwtAuthPolicy.Jwks.Remote(
                              f.nonBlank(pat + ".url", provider.getUrl()),
                              provider.hasCacheDuration()
                                  ? f.duration(pat + ".cache_duration", provider.getCacheDuration())
                                  : null);
                      case JWKS_NOT_SET -> throw f.fail(pat, "no jwks set (inline, file or url)");
                    }));
    var location =
        p.hasLocation()
            ? LocalAuthProto.location(f, at + ".location", true, p.getLocation())
            : null;
    return f.checked(at + ".providers", () -> new JwtAuthPolicy(mode, providers, location));
  }

  static McpAuthorizationPolicy mcpAuthorization(Fields f, String at, McpAuthorization p) {
    var rules =
        f.list(
            at + ".rules",
            p.getRulesList(),
            (rat, rule) ->
                new McpAuthorizationPolicy.Rule(
                    switch (rule.getKind()) {
                      case ALLOW -> McpAuthorizationPolicy.Kind.ALLOW;
                      case DENY -> McpAuthorizationPolicy.Kind.DENY;
                      case REQUIRE -> McpAuthorizationPolicy.Kind.REQUIRE;
                      case UNRECOGNIZED -> throw f.fail(rat + ".kind", "unknown value");
                    },
                    f.nonBlank(rat + ".expression", rule.getExpression())));
    return f.checked(at + ".rules", () -> new McpAuthorizationPolicy(rules));
  }

  static McpAuthentication mcpAuthentication(McpAuthenticationPolicy p) {
    McpAuthentication.Builder b =
        McpAuthentication.newBuilder()
            .setIssuer(p.issuer())
            .addAllAudiences(p.audiences())
            .setMode(JwtAuth.Mode.valueOf(p.mode().name()))
            .setResourceMetadataJson(p.resourceMetadataJson());
    switch (p.jwks()) {
      case JwtAuthPolicy.Jwks.Inline i -> b.setInline(i.json());
      case JwtAuthPolicy.Jwks.File file -> b.setFile(file.path());
      case JwtAuthPolicy.Jwks.Remote r -> {
        b.setUrl(r.url());
        if (r.cacheDuration() != null) {
          b.setJwksCacheDuration(IrToProto.duration(r.cacheDuration()));
        }
      }
    }
    if (p.requiredClaims() != null) {
      b.setRequiredClaims(
          McpAuthentication.RequiredClaims.newBuilder().addAllClaims(p.requiredClaims()));
    }
    return b.build();
  }

  static McpAuthenticationPolicy mcpAuthentication(Fields f, String at, McpAuthentication p) {
    JwtAuthPolicy.Jwks jwks =
        switch (p.getJwksCase()) {
          case INLINE -> new JwtAuthPolicy.Jwks.Inline(p.getInline());
          case FILE -> new JwtAuthPolicy.Jwks.File(f.nonBlank(at + ".file", p.getFile()));
          case URL ->
              new JwtAuthPolicy.Jwks.Remote(
                  f.nonBlank(at + ".url", p.getUrl()),
                  p.hasJwksCacheDuration()
                      ? f.duration(at + ".jwks_cache_duration", p.getJwksCacheDuration())
                      : null);
          case JWKS_NOT_SET -> throw f.fail(at, "no jwks set (inline, file or url)");
        };
    JwtAuthPolicy.Mode mode =
        switch (p.getMode()) {
          case OPTIONAL -> JwtAuthPolicy.Mode.OPTIONAL;
          case STRICT -> JwtAuthPolicy.Mode.STRICT;
          case PERMISSIVE -> JwtAuthPolicy.Mode.PERMISSIVE;
          case UNRECOGNIZED -> throw f.fail(at + ".mode", "unknown value");
        };
    return f.checked(
        at,
        () ->
            new McpAuthenticationPolicy(
                f.nonBlank(at + ".issuer", p.getIssuer()),
                p.getAudiencesList(),
                jwks,
                mode,
                p.hasRequiredClaims() ? p.getRequiredClaims().getClaimsList() : null,
                p.getResourceMetadataJson().isEmpty() ? null : p.getResourceMetadataJson()));
  }
}
