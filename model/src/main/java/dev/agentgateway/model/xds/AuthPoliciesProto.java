package dev.agentgateway.model.xds;

import dev.agentgateway.model.ir.JwtAuthPolicy;
import dev.agentgateway.model.ir.McpAuthorizationPolicy;
import dev.agentgateway.model.xds.proto.JwtAuth;
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
        case JwtAuthPolicy.Jwks.Remote r -> pb.setUrl(r.url());
      }
      b.addProviders(pb);
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
                              f.nonBlank(pat + ".url", provider.getUrl()));
                      case JWKS_NOT_SET -> throw f.fail(pat, "no jwks set (inline, file or url)");
                    }));
    return f.checked(at + ".providers", () -> new JwtAuthPolicy(mode, providers));
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
}
