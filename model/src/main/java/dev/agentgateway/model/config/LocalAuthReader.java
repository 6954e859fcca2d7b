package dev.agentgateway.model.config;

import dev.agentgateway.model.ir.ApiKeyAuthPolicy;
import dev.agentgateway.model.ir.AuthorizationPolicy;
import dev.agentgateway.model.ir.BasicAuthPolicy;
import dev.agentgateway.model.ir.CredentialLocation;
import dev.agentgateway.model.ir.CsrfPolicy;
import dev.agentgateway.model.ir.McpAuthorizationPolicy;
import dev.agentgateway.model.ir.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the local authentication and authorization route policies in upstream's shapes: {@code
 * apiKey}, {@code basicAuth}, {@code authorization} and {@code csrf}. Keys and password hashes are
 * never put in an error message.
 */
final class LocalAuthReader {
  private static final List<String> API_KEY_MODES = List.of("strict", "optional", "permissive");
  private static final List<String> BASIC_MODES = List.of("strict", "optional");
  private static final FieldSet API_KEY_KIND = FieldSet.of("key keyHash", "");
  private static final String SHA256_PREFIX = "sha256:";
  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");
  private static final Pattern ENV_REFERENCE =
      Pattern.compile("\\s*\\$(\\{[A-Za-z_][A-Za-z0-9_]*}|[A-Za-z_][A-Za-z0-9_]*)\\s*");
  private static final Pattern ORIGIN =
      Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://[A-Za-z0-9.\\-\\[\\]:]+");

  private LocalAuthReader() {}

  /** {@code apiKey: {keys, mode, location}}; null when absent or invalid. */
  static ApiKeyAuthPolicy apiKey(ConfigNode node) {
    if (!node.mapping(UpstreamFields.API_KEYS)) {
      return null;
    }
    ConfigNode modeNode = node.field("mode");
    String mode = modeNode.present() ? modeNode.choice(API_KEY_MODES) : "optional";
    ConfigNode keysNode = node.field("keys");
    List<ApiKeyAuthPolicy.Key> keys = new ArrayList<>();
    boolean ok = keysNode.require();
    for (ConfigNode k : keysNode.list()) {
      ApiKeyAuthPolicy.Key key = key(k);
      if (key == null) {
        ok = false;
      } else {
        keys.add(key);
      }
    }
    if (ok && keys.isEmpty()) {
      keysNode.error("needs at least one key");
      ok = false;
    }
    CredentialLocation location = location(node.field("location"), CredentialLocation.BEARER);
    if (!ok || mode == null || location == null) {
      return null;
    }
    return new ApiKeyAuthPolicy(
        ApiKeyAuthPolicy.Mode.valueOf(mode.toUpperCase(Locale.ROOT)), keys, location);
  }

  private static ApiKeyAuthPolicy.Key key(ConfigNode node) {
    if (!node.mapping(UpstreamFields.API_KEY)) {
      return null;
    }
    String kind = node.variant(API_KEY_KIND);
    if (kind == null) {
      return null;
    }
    ConfigNode metadataNode = node.field("metadata");
    String metadata = metadataNode.present() ? metadataNode.raw().toString() : null;
    ConfigNode value = node.field(kind);
    String text = value.requiredText();
    if (text == null) {
      return null;
    }
    if (kind.equals("key")) {
      return new ApiKeyAuthPolicy.Key(new Secret(text), null, metadata);
    }
    String hex =
        text.regionMatches(true, 0, SHA256_PREFIX, 0, SHA256_PREFIX.length())
            ? text.substring(SHA256_PREFIX.length())
            : null;
    if (hex == null || !SHA256_HEX.matcher(hex).matches()) {
      value.error("must be sha256:<64 hex digits>");
      return null;
    }
    return new ApiKeyAuthPolicy.Key(null, hex.toLowerCase(Locale.ROOT), metadata);
  }

  /** {@code basicAuth: {htpasswd, realm, mode, authorizationLocation}}; null when absent. */
  static BasicAuthPolicy basicAuth(ConfigNode node) {
    if (!node.mapping(UpstreamFields.BASIC_AUTH)) {
      return null;
    }
    ConfigNode htpasswdNode = node.field("htpasswd");
    List<BasicAuthPolicy.User> users = htpasswdNode.require() ? htpasswd(htpasswdNode) : null;
    ConfigNode modeNode = node.field("mode");
    String mode = modeNode.present() ? modeNode.choice(BASIC_MODES) : "optional";
    ConfigNode realmNode = node.field("realm");
    String realm = realmNode.text();
    if (realm != null && (realm.indexOf('"') >= 0 || realm.chars().anyMatch(c -> c < 0x20))) {
      realmNode.error("must not contain quotes or control characters");
      return null;
    }
    CredentialLocation location =
        location(node.field("authorizationLocation"), CredentialLocation.BASIC);
    if (users == null || mode == null || location == null) {
      return null;
    }
    return new BasicAuthPolicy(
        users, realm, BasicAuthPolicy.Mode.valueOf(mode.toUpperCase(Locale.ROOT)), location);
  }

  /** The entries of inline htpasswd text or {@code {file: path}}; null after an error. */
  private static List<BasicAuthPolicy.User> htpasswd(ConfigNode node) {
    String text;
    ConfigNode at = node;
    if (node.isMapping()) {
      if (!node.mapping(UpstreamFields.FILE_ONLY)) {
        return null;
      }
      at = node.field("file");
      String file = at.requiredText();
      if (file == null) {
        return null;
      }
      try {
        text = Files.readString(node.baseDir().resolve(file), StandardCharsets.UTF_8);
      } catch (IOException | RuntimeException e) {
        at.error("cannot read the file: " + e.getClass().getSimpleName());
        return null;
      }
    } else if (node.isText() && !ENV_REFERENCE.matcher(node.raw().textValue()).matches()) {
      // Hashes are full of '$' ($2y$, $apr1$): inline entries are literal, and only a value that
      // is one whole $VAR reference is expanded.
      text = node.raw().textValue();
    } else {
      text = node.requiredText();
      if (text == null) {
        return null;
      }
    }
    List<BasicAuthPolicy.User> users = new ArrayList<>();
    Set<String> names = new HashSet<>();
    boolean ok = true;
    String[] lines = text.split("\r?\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(':');
      String where = "line " + (i + 1);
      if (colon <= 0 || colon == line.length() - 1) {
        at.error(where + ": expected user:hash");
        ok = false;
        continue;
      }
      String user = line.substring(0, colon);
      String hash = line.substring(colon + 1);
      if (BasicAuthPolicy.Scheme.of(hash) == null) {
        // Never echo the entry: it may be a plain-text password.
        at.error(
            where
                + " (user "
                + user
                + "): plain-text or unsupported password hash; use bcrypt ($2y$), $apr1$ or"
                + " {SHA}");
        ok = false;
        continue;
      }
      if (!names.add(user)) {
        at.error(where + ": user " + user + " is listed twice");
        ok = false;
        continue;
      }
      users.add(new BasicAuthPolicy.User(user, new Secret(hash)));
    }
    if (ok && users.isEmpty()) {
      at.error("has no users");
      return null;
    }
    return ok ? users : null;
  }

  /** {@code authorization: {rules: [...]}}, the shape of {@code mcpAuthorization}. */
  static AuthorizationPolicy authorization(ConfigNode node) {
    McpAuthorizationPolicy rules = AuthPolicyReader.mcpAuthorization(node);
    return rules == null ? null : new AuthorizationPolicy(rules.rules());
  }

  /** {@code csrf: {additionalOrigins: [...]}}. */
  static CsrfPolicy csrf(ConfigNode node) {
    if (!node.mapping(UpstreamFields.CSRF)) {
      return null;
    }
    List<String> origins = new ArrayList<>();
    boolean ok = true;
    for (ConfigNode o : node.field("additionalOrigins").list()) {
      String origin = o.requiredText();
      if (origin == null) {
        ok = false;
      } else if (!ORIGIN.matcher(origin).matches()) {
        o.error("must be scheme://host[:port]");
        ok = false;
      } else if (origins.contains(origin.toLowerCase(Locale.ROOT))) {
        o.error("is listed twice");
        ok = false;
      } else {
        origins.add(origin.toLowerCase(Locale.ROOT));
      }
    }
    return ok ? new CsrfPolicy(origins) : null;
  }

  /** A credential location, or {@code absent} when the field is not set; null after an error. */
  static CredentialLocation location(ConfigNode node, CredentialLocation absent) {
    if (!node.present()) {
      return absent;
    }
    String kind = node.oneOf(UpstreamFields.CREDENTIAL_LOCATION);
    if (kind == null) {
      return null;
    }
    ConfigNode spec = node.field(kind);
    if (kind.equals("header")) {
      if (!spec.mapping(UpstreamFields.AUTH_HEADER)) {
        spec.require();
        return null;
      }
      ConfigNode nameNode = spec.field("name");
      String name = nameNode.requiredText();
      if (name != null && !HeaderNames.isToken(name)) {
        nameNode.error("invalid header name");
        return null;
      }
      ConfigNode prefixNode = spec.field("prefix");
      String prefix = prefixNode.text();
      if (prefix != null && !HeaderNames.isValue(prefix)) {
        prefixNode.error("must not contain control characters");
        return null;
      }
      return name == null
          ? null
          : new CredentialLocation.Header(
              name.toLowerCase(Locale.ROOT), prefix == null || prefix.isEmpty() ? null : prefix);
    }
    if (!spec.mapping(UpstreamFields.NAME_ONLY)) {
      spec.require();
      return null;
    }
    String name = spec.field("name").requiredText();
    if (name == null) {
      return null;
    }
    return kind.equals("cookie")
        ? new CredentialLocation.Cookie(name)
        : new CredentialLocation.QueryParameter(name);
  }
}
