package dev.agentgateway.proxy.mcp.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentgateway.model.config.ConfigError;
import dev.agentgateway.model.config.ConfigException;
import dev.agentgateway.proxy.policy.jwt.JwksSettings;
import dev.agentgateway.proxy.policy.jwt.JwtAuthConfig;
import dev.agentgateway.proxy.policy.jwt.JwtAuthenticator;
import dev.agentgateway.proxy.policy.jwt.JwtOutcome;
import dev.agentgateway.proxy.policy.jwt.JwtProviderConfig;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The MCP server as an OAuth 2.1 resource server (MCP authorization spec, RFC 9728): a request
 * without a valid token gets 401 with a {@code WWW-Authenticate} challenge naming the
 * protected-resource metadata URL, and that metadata is served under {@code
 * /.well-known/oauth-protected-resource} without authentication. Pure: request in, decision out.
 */
public final class McpAuthentication {
  /** Where RFC 9728 protected-resource metadata lives (plus the resource's path). */
  public static final String METADATA_PATH = "/.well-known/oauth-protected-resource";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern HOST =
      Pattern.compile("([A-Za-z0-9.\\-]+|\\[[0-9A-Fa-f:.]+\\])(:[0-9]{1,5})?");
  private static final String CORS_ALLOW_METHODS = "GET, HEAD, OPTIONS";

  private final McpAuthenticationConfig config;
  private final JwtAuthenticator authenticator;
  private final String pathPrefix;

  McpAuthentication(
      McpAuthenticationConfig config, JwtAuthenticator authenticator, String pathPrefix) {
    this.config = config;
    this.authenticator = authenticator;
    this.pathPrefix = checkPrefix(pathPrefix);
  }

  /**
   * Compiles the policy.
   *
   * @param pathPrefix the path the gateway is published under, before {@code /.well-known} in
   *     advertised URLs ({@code ""} when served at the root, else like {@code /gateway})
   * @param http the client for a JWKS URL
   * @throws ConfigException the key set cannot be read, with its path ({@code jwks})
   */
  public static McpAuthentication create(
      McpAuthenticationConfig config,
      String pathPrefix,
      HttpClient http,
      JwksSettings settings,
      Clock clock)
      throws ConfigException {
    JwtProviderConfig provider =
        new JwtProviderConfig(
            config.issuer(), config.audiences(), config.jwks(), config.jwtValidationOptions());
    JwtAuthenticator authenticator;
    try {
      authenticator =
          JwtAuthenticator.create(
              new JwtAuthConfig(config.mode(), List.of(provider)), http, settings, clock);
    } catch (ConfigException e) {
      // The single provider's errors belong to the policy's own fields.
      throw new ConfigException(
          e.errors().stream()
              .map(
                  err ->
                      new ConfigError(
                          err.path().replaceFirst("^providers\\[0]\\.", ""), err.message()))
              .toList());
    }
    return new McpAuthentication(config, authenticator, pathPrefix);
  }

  /** True for the metadata document's paths, which are served without authentication. */
  public static boolean isMetadataPath(String path) {
    return path.equals(METADATA_PATH) || path.startsWith(METADATA_PATH + "/");
  }

  /**
   * Decides a request to the MCP endpoint or to the metadata path.
   *
   * @return the metadata document (or 405) for a metadata path; otherwise {@link
   *     AuthDecision.Proceed} with the caller's identity, or the 401 challenge
   */
  public AuthDecision decide(AuthRequest request) {
    if (isMetadataPath(request.path())) {
      return new AuthDecision.Respond(metadata(request));
    }
    JwtOutcome outcome = authenticator.authenticate(request.headers("Authorization"));
    if (outcome instanceof JwtOutcome.Rejected rejected) {
      return new AuthDecision.Respond(challenge(request, rejected));
    }
    return new AuthDecision.Proceed(outcome);
  }

  /** The 401 answer to a rejected request (or 400 when its Host cannot be used in a URL). */
  AuthResponse challenge(AuthRequest request, JwtOutcome.Rejected rejected) {
    String base = baseUrl(request);
    if (base == null) {
      return badHost();
    }
    String resourcePath = request.path().equals("/") ? "" : encodePath(request.path());
    StringBuilder value =
        new StringBuilder("Bearer resource_metadata=\"")
            .append(base)
            .append(METADATA_PATH)
            .append(resourcePath)
            .append('"');
    // RFC 6750 §3.1: no error code in the challenge when the request carried no credentials.
    String error = rejected.tokenPresented() ? "invalid_token" : "unauthorized";
    if (rejected.tokenPresented()) {
      value.append(", error=\"invalid_token\"");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("WWW-Authenticate", value.toString());
    headers.put("Content-Type", "application/json");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", error);
    body.put("error_description", rejected.reason());
    return new AuthResponse(401, headers, json(body));
  }

  /** The answer on a metadata path: the document for GET and HEAD, CORS for OPTIONS, else 405. */
  AuthResponse metadata(AuthRequest request) {
    Map<String, String> headers = new LinkedHashMap<>();
    // Browser-based MCP clients (inspectors) read the metadata cross-origin; it is public.
    headers.put("Access-Control-Allow-Origin", "*");
    switch (request.method()) {
      case "OPTIONS" -> {
        headers.put("Access-Control-Allow-Methods", CORS_ALLOW_METHODS);
        headers.put("Access-Control-Allow-Headers", "*");
        return new AuthResponse(204, headers, "");
      }
      case "GET", "HEAD" -> {
        String base = baseUrl(request);
        if (base == null) {
          return badHost();
        }
        String rest = encodePath(request.path().substring(METADATA_PATH.length()));
        headers.put("Content-Type", "application/json");
        String body = json(document(base + (rest.equals("/") ? "" : rest)));
        return new AuthResponse(200, headers, request.method().equals("HEAD") ? "" : body);
      }
      default -> {
        headers.put("Allow", CORS_ALLOW_METHODS);
        return new AuthResponse(405, headers, "");
      }
    }
  }

  /** The RFC 9728 document for {@code resource}. */
  Map<String, Object> document(String resource) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put("resource", resource);
    // Upstream points this at itself for IdPs that need metadata rewriting or DCR proxies; those
    // are not built, so clients talk to the issuer directly.
    doc.put("authorization_servers", List.of(config.issuer()));
    doc.put("bearer_methods_supported", List.of("header"));
    config.resourceMetadata().forEach((key, value) -> doc.put(snakeCase(key), value));
    return doc;
  }

  /** {@code scheme://host[:port]prefix} as the client addressed the gateway, or null. */
  private String baseUrl(AuthRequest request) {
    String scheme = firstToken(request.header("X-Forwarded-Proto"));
    if (scheme == null || !(scheme.equals("http") || scheme.equals("https"))) {
      scheme = request.scheme().toLowerCase(Locale.ROOT);
    }
    String host = firstToken(request.header("X-Forwarded-Host"));
    if (host == null) {
      host = request.header("Host");
    }
    // The host lands in a quoted header parameter and a JSON URL: refuse anything odd.
    if (host == null || !HOST.matcher(host).matches()) {
      return null;
    }
    return scheme + "://" + host + pathPrefix;
  }

  private static String firstToken(String value) {
    if (value == null) {
      return null;
    }
    int comma = value.indexOf(',');
    String first = (comma < 0 ? value : value.substring(0, comma)).strip();
    return first.isEmpty() ? null : first.toLowerCase(Locale.ROOT);
  }

  private static AuthResponse badHost() {
    return new AuthResponse(
        400, Map.of("Content-Type", "text/plain; charset=utf-8"), "missing or invalid Host\n");
  }

  /** Percent-encodes what is not an RFC 3986 path character, so the URL fits a quoted string. */
  static String encodePath(String path) {
    StringBuilder out = new StringBuilder(path.length());
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xFF;
      boolean safe =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || "-._~!$&'()*+,;=:@/%".indexOf(c) >= 0;
      if (safe) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        out.append(Character.toUpperCase(Character.forDigit(c & 0xF, 16)));
      }
    }
    return out.toString();
  }

  /** {@code scopesSupported} → {@code scopes_supported}; snake_case keys are kept. */
  static String snakeCase(String key) {
    StringBuilder out = new StringBuilder(key.length() + 4);
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isUpperCase(c)) {
        if (i > 0) {
          out.append('_');
        }
        out.append(Character.toLowerCase(c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String checkPrefix(String prefix) {
    if (prefix == null || prefix.isEmpty()) {
      return "";
    }
    if (!prefix.startsWith("/") || prefix.endsWith("/") || !encodePath(prefix).equals(prefix)) {
      throw new IllegalArgumentException(
          "path prefix must be empty or like /gateway (no trailing slash), got " + prefix);
    }
    return prefix;
  }

  private static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      // Config values come from YAML/JSON, so they always serialise; this is a bug.
      throw new IllegalStateException("cannot write JSON", e);
    }
  }
}
