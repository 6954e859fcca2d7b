package dev.agentgateway.bench;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The standalone configs and credentials of the policy benches: a route carrying the first N of
 * {@link #KINDS} (each configured so that the bench's request passes it), the same route without
 * policies, and the headers a request needs to pass them all (an RS256 JWT, an API key, a
 * basic-auth user, a CORS origin).
 *
 * <p>Configs go through the real standalone reader, so every policy is exactly what a user's YAML
 * would give the proxy.
 */
final class PolicyWorkload {
  /** Policy kinds in the order a route gets them; the first five are the end-to-end bench's. */
  static final List<String> KINDS =
      List.of(
          "cors",
          "jwtAuth",
          "localRateLimit",
          "requestHeaderModifier",
          "responseHeaderModifier",
          "apiKey",
          "basicAuth",
          "authorization",
          "csrf",
          "transformations",
          "urlRewrite",
          "timeout",
          "retry",
          "buffer",
          "requestMirror");

  static final String ISSUER = "https://issuer.bench.example";
  static final String AUDIENCE = "bench";
  static final String SUBJECT = "bench-user";
  static final String ORIGIN = "https://app.bench.example";
  static final String API_KEY_HEADER = "x-api-key";
  static final String BASIC_HEADER = "x-basic-auth";

  private static final String API_KEY = "bench-key-0123456789";
  private static final String BASIC_USER = "bench";
  private static final String BASIC_PASSWORD = "bench-password";

  private final String jwks;
  private final String token;

  private PolicyWorkload(String jwks, String token) {
    this.jwks = jwks;
    this.token = token;
  }

  /** A fresh RSA key, its public JWKS and a token signed with it, valid for a day. */
  static PolicyWorkload create() {
    try {
      RSAKey key = new RSAKeyGenerator(2048).keyID("bench").generate();
      Instant now = Instant.now();
      SignedJWT jwt =
          new SignedJWT(
              new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("bench").build(),
              new JWTClaimsSet.Builder()
                  .issuer(ISSUER)
                  .subject(SUBJECT)
                  .audience(AUDIENCE)
                  .issueTime(Date.from(now))
                  .expirationTime(Date.from(now.plus(Duration.ofDays(1))))
                  .build());
      jwt.sign(new RSASSASigner(key));
      return new PolicyWorkload(new JWKSet(key.toPublicJWK()).toString(), jwt.serialize());
    } catch (JOSEException e) {
      throw new IllegalStateException("cannot sign the bench token", e);
    }
  }

  /** The bearer token the route's {@code jwtAuth} accepts. */
  String token() {
    return token;
  }

  /** Request headers that pass every policy of {@link #KINDS}. */
  Map<String, String> passingHeaders() {
    String basic =
        Base64.getEncoder()
            .encodeToString((BASIC_USER + ":" + BASIC_PASSWORD).getBytes(StandardCharsets.UTF_8));
    return Map.of(
        "authorization",
        "Bearer " + token,
        "origin",
        ORIGIN,
        API_KEY_HEADER,
        API_KEY,
        BASIC_HEADER,
        "Basic " + basic);
  }

  /**
   * A standalone config with one bind on {@code port} and, per entry of {@code routes}, a route
   * matching that path prefix with those policy kinds (of {@link #KINDS}), forwarding to {@code
   * upstreamPort} on loopback.
   */
  String config(int port, int upstreamPort, Map<String, List<String>> routes) {
    StringBuilder yaml =
        new StringBuilder(
            """
            config:
              adminAddr: "off"
              statsAddr: "off"
              readinessAddr: "off"
              logging:
                level: warn
            binds:
            - port: %d
              listeners:
              - routes:
            """
                .formatted(port));
    routes.forEach(
        (prefix, kinds) -> {
          yaml.append("    - name: r").append(prefix.replace('/', '-')).append('\n');
          yaml.append("      matches: [{path: {pathPrefix: ").append(prefix).append("}}]\n");
          yaml.append("      policies:\n");
          yaml.append(policies(kinds, upstreamPort).indent(8));
          yaml.append("      backends: [{host: \"127.0.0.1:").append(upstreamPort).append("\"}]\n");
        });
    return yaml.toString();
  }

  /** The first {@code n} of {@link #KINDS}. */
  static List<String> first(int n) {
    if (n < 0 || n > KINDS.size()) {
      throw new IllegalArgumentException("policies must be 0 to " + KINDS.size() + ", got " + n);
    }
    return KINDS.subList(0, n);
  }

  /** The {@code policies} mapping's body with {@code kinds} ({@code {}} for none). */
  String policies(List<String> kinds, int upstreamPort) {
    if (kinds.isEmpty()) {
      return "{}\n";
    }
    StringBuilder out = new StringBuilder();
    for (String kind : kinds) {
      out.append(kind).append(":\n").append(policy(kind, upstreamPort).indent(2));
    }
    return out.toString();
  }

  private String policy(String kind, int upstreamPort) {
    return switch (kind) {
      case "cors" ->
          """
          allowOrigins: ["%s"]
          allowMethods: [GET, POST]
          allowHeaders: [authorization, content-type]
          exposeHeaders: [x-request-id]
          maxAge: 10m
          """
              .formatted(ORIGIN);
      case "jwtAuth" ->
          """
          mode: strict
          issuer: %s
          audiences: [%s]
          jwks: '%s'
          """
              .formatted(ISSUER, AUDIENCE, jwks);
      // High enough never to reject: the bench measures the bucket's cost, not its refusals.
      case "localRateLimit" ->
          "- {maxTokens: 1000000000, tokensPerFill: 1000000000, fillInterval: 1s}\n";
      case "requestHeaderModifier" ->
          "set: {x-bench: \"1\"}\nadd: {x-team: bench}\nremove: [x-drop-me]\n";
      case "responseHeaderModifier" -> "set: {x-served-by: agentgateway}\nremove: [x-internal]\n";
      case "apiKey" ->
          """
          mode: strict
          keys: [{key: %s, metadata: {name: bench, group: load}}]
          location: {header: {name: %s}}
          """
              .formatted(API_KEY, API_KEY_HEADER);
      case "basicAuth" ->
          """
          mode: strict
          realm: bench
          htpasswd: "%s:%s"
          authorizationLocation: {header: {name: %s, prefix: "Basic "}}
          """
              .formatted(BASIC_USER, sha1Htpasswd(BASIC_PASSWORD), BASIC_HEADER);
      case "authorization" ->
          """
          rules:
          - 'jwt.sub == "%s"'
          - deny: 'request.path.startsWith("/admin")'
          """
              .formatted(SUBJECT);
      case "csrf" -> "additionalOrigins: [\"%s\"]\n".formatted(ORIGIN);
      case "transformations" ->
          """
          request:
            set: {x-path: "request.path"}
          response:
            set: {x-status: "string(response.code)"}
          """;
      case "urlRewrite" -> "path: {prefix: /rewritten}\n";
      case "timeout" -> "requestTimeout: 10s\nbackendRequestTimeout: 5s\n";
      case "retry" -> "attempts: 2\ncodes: [503]\n";
      case "buffer" -> "request: {maxBytes: 65536}\n";
      case "requestMirror" ->
          "backend: {host: \"127.0.0.1:%d\"}\npercentage: 1.0\n".formatted(upstreamPort);
      default -> throw new IllegalArgumentException("unknown policy kind " + kind);
    };
  }

  /**
   * An htpasswd {@code {SHA}} entry: fast to check, unlike bcrypt, so it does not swamp the rest.
   */
  private static String sha1Htpasswd(String password) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
      return "{SHA}" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * Writes {@code agw.yaml} (a route {@code /none} without policies, a route {@code /policies} with
   * CORS, JWT and a local rate limit that never rejects, and a route {@code /nojwt} with the same
   * minus JWT) and {@code token} into a directory, for {@code bench/policies.sh}.
   *
   * <p>Arguments: directory, proxy port, upstream port.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: PolicyWorkload <dir> <proxy-port> <upstream-port>");
      System.exit(2);
    }
    Path dir = Path.of(args[0]);
    PolicyWorkload workload = create();
    Map<String, List<String>> routes = new LinkedHashMap<>();
    routes.put("/none", List.of());
    routes.put("/policies", List.of("cors", "jwtAuth", "localRateLimit"));
    routes.put("/nojwt", List.of("cors", "localRateLimit"));
    String config = workload.config(Integer.parseInt(args[1]), Integer.parseInt(args[2]), routes);
    Files.writeString(dir.resolve("agw.yaml"), config);
    Files.writeString(dir.resolve("token"), workload.token());
  }
}
