package dev.agentgateway.model.config;

import dev.agentgateway.model.ir.CredentialLocation;
import dev.agentgateway.model.ir.JwtAuthPolicy;
import dev.agentgateway.model.ir.McpAuthenticationPolicy;
import dev.agentgateway.model.ir.McpAuthorizationPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads the {@code jwtAuth}, {@code mcpAuthentication} and {@code mcpAuthorization} policies in
 * upstream's shapes. CEL is compiled by the proxy, which reports a bad expression with its path;
 * here only the shape is checked.
 */
final class AuthPolicyReader {
  static final FieldSet JWT_AUTH =
      FieldSet.of("mode providers issuer audiences jwks location", "jwtValidationOptions");
  static final FieldSet JWT_PROVIDER = FieldSet.of("issuer audiences jwks", "jwtValidationOptions");
  static final FieldSet JWKS = FieldSet.of("file url", "");
  static final FieldSet MCP_AUTHORIZATION = FieldSet.of("rules", "");
  static final FieldSet RULE = FieldSet.of("allow deny require", "");
  // provider (per-IdP metadata rewriting and registration proxies), clientId/clientSecret and
  // other token locations are not built; refusing them beats advertising a flow that fails.
  static final FieldSet MCP_AUTHENTICATION =
      FieldSet.of(
          "issuer audiences jwks mode resourceMetadata jwtValidationOptions",
          "provider authorizationLocation clientId clientSecret");
  static final FieldSet VALIDATION_OPTIONS = FieldSet.of("requiredClaims", "");
  private static final List<String> MODES = List.of("strict", "optional", "permissive");

  private AuthPolicyReader() {}

  /** {@code jwtAuth}: {@code {mode, providers: [...]}} or one provider inline; null when absent. */
  static JwtAuthPolicy jwtAuth(ConfigNode node) {
    if (!node.mapping(JWT_AUTH)) {
      return null;
    }
    ConfigNode modeNode = node.field("mode");
    String mode = modeNode.present() ? modeNode.choice(MODES) : "optional";
    List<JwtAuthPolicy.Provider> providers = new ArrayList<>();
    boolean single = node.field("issuer").present() || node.field("jwks").present();
    if (node.field("providers").present()) {
      if (single) {
        node.error("set providers, or issuer and jwks, not both");
        return null;
      }
      for (ConfigNode p : node.field("providers").list()) {
        if (p.mapping(JWT_PROVIDER)) {
          add(providers, provider(p));
        }
      }
      if (providers.isEmpty() && node.field("providers").list().isEmpty()) {
        node.field("providers").error("needs at least one provider");
      }
    } else {
      add(providers, provider(node));
    }
    ConfigNode locationNode = node.field("location");
    // Absent means Authorization: Bearer; a present one that fails has reported its error.
    CredentialLocation location = LocalAuthReader.location(locationNode, null);
    if (mode == null || providers.isEmpty() || (locationNode.present() && location == null)) {
      return null;
    }
    return new JwtAuthPolicy(
        JwtAuthPolicy.Mode.valueOf(mode.toUpperCase(Locale.ROOT)), providers, location);
  }

  private static void add(List<JwtAuthPolicy.Provider> providers, JwtAuthPolicy.Provider p) {
    if (p != null) {
      providers.add(p);
    }
  }

  private static JwtAuthPolicy.Provider provider(ConfigNode node) {
    ConfigNode issuerNode = node.field("issuer");
    String issuer = issuerNode.require() ? issuerNode.requiredText() : null;
    List<String> audiences = new ArrayList<>();
    for (ConfigNode a : node.field("audiences").list()) {
      String text = a.requiredText();
      if (text != null) {
        audiences.add(text);
      }
    }
    ConfigNode jwksNode = node.field("jwks");
    JwtAuthPolicy.Jwks jwks = jwksNode.require() ? jwks(jwksNode) : null;
    return issuer == null || jwks == null
        ? null
        : new JwtAuthPolicy.Provider(issuer, audiences, jwks);
  }

  /** A key set as inline JSON text, {@code {file: path}} or {@code {url: ...}}. */
  private static JwtAuthPolicy.Jwks jwks(ConfigNode node) {
    if (node.isText()) {
      String json = node.requiredText();
      return json == null ? null : new JwtAuthPolicy.Jwks.Inline(json);
    }
    String kind = node.oneOf(JWKS);
    if (kind == null) {
      return null;
    }
    String value = node.field(kind).requiredText();
    if (value == null) {
      return null;
    }
    if (kind.equals("url") && !value.startsWith("https://") && !value.startsWith("http://")) {
      node.field("url").error("must be an http or https URL");
      return null;
    }
    return kind.equals("file")
        ? new JwtAuthPolicy.Jwks.File(value)
        : new JwtAuthPolicy.Jwks.Remote(value);
  }

  /** {@code mcpAuthorization: {rules: [...]}}, each a CEL string or {allow|deny|require: expr}. */
  static McpAuthorizationPolicy mcpAuthorization(ConfigNode node) {
    if (!node.mapping(MCP_AUTHORIZATION)) {
      return null;
    }
    ConfigNode rulesNode = node.field("rules");
    if (!rulesNode.require()) {
      return null;
    }
    List<McpAuthorizationPolicy.Rule> rules = new ArrayList<>();
    boolean ok = true;
    for (ConfigNode r : rulesNode.list()) {
      McpAuthorizationPolicy.Rule rule = rule(r);
      if (rule == null) {
        ok = false;
      } else {
        rules.add(rule);
      }
    }
    if (ok && rules.isEmpty()) {
      rulesNode.error("needs at least one rule");
      return null;
    }
    return ok ? new McpAuthorizationPolicy(rules) : null;
  }

  private static McpAuthorizationPolicy.Rule rule(ConfigNode node) {
    if (node.isText()) {
      String expr = node.requiredText();
      return expr == null
          ? null
          : new McpAuthorizationPolicy.Rule(McpAuthorizationPolicy.Kind.ALLOW, expr);
    }
    String kind = node.oneOf(RULE);
    if (kind == null) {
      return null;
    }
    String expr = node.field(kind).requiredText();
    return expr == null
        ? null
        : new McpAuthorizationPolicy.Rule(
            McpAuthorizationPolicy.Kind.valueOf(kind.toUpperCase(Locale.ROOT)), expr);
  }

  /** {@code mcpAuthentication}; null when absent. */
  static McpAuthenticationPolicy mcpAuthentication(ConfigNode node) {
    if (!node.mapping(MCP_AUTHENTICATION)) {
      return null;
    }
    ConfigNode issuerNode = node.field("issuer");
    String issuer = issuerNode.require() ? issuerNode.requiredText() : null;
    List<String> audiences = new ArrayList<>();
    for (ConfigNode a : node.field("audiences").list()) {
      String text = a.requiredText();
      if (text != null) {
        audiences.add(text);
      }
    }
    ConfigNode jwksNode = node.field("jwks");
    if (!jwksNode.present()) {
      // Upstream derives it from the issuer per provider; providers are not built here.
      jwksNode.error("is required (deriving the key set from the issuer is not supported)");
    }
    JwtAuthPolicy.Jwks jwks = jwksNode.present() ? jwks(jwksNode) : null;
    ConfigNode modeNode = node.field("mode");
    String mode = modeNode.present() ? modeNode.choice(MODES) : "strict";
    List<String> required = requiredClaims(node.field("jwtValidationOptions"));
    String metadata = resourceMetadata(node.field("resourceMetadata"));
    if (issuer == null || jwks == null || mode == null) {
      return null;
    }
    return new McpAuthenticationPolicy(
        issuer,
        audiences,
        jwks,
        JwtAuthPolicy.Mode.valueOf(mode.toUpperCase(Locale.ROOT)),
        required,
        metadata);
  }

  private static List<String> requiredClaims(ConfigNode node) {
    if (!node.mapping(VALIDATION_OPTIONS)) {
      return null;
    }
    ConfigNode claims = node.field("requiredClaims");
    if (!claims.present()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (ConfigNode c : claims.list()) {
      String claim = c.choice(McpAuthenticationPolicy.KNOWN_CLAIMS);
      if (claim != null && !out.contains(claim)) {
        out.add(claim);
      }
    }
    return out;
  }

  /** RFC 9728 fields, free-form like upstream's; kept as JSON text for the proxy to serve. */
  private static String resourceMetadata(ConfigNode node) {
    if (!node.present()) {
      return null;
    }
    if (!node.isMapping()) {
      node.error("must be a mapping of metadata fields");
      return null;
    }
    return node.raw().toString();
  }
}
