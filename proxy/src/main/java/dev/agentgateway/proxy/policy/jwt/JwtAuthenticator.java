package dev.agentgateway.proxy.policy.jwt;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.SignedJWT;
import dev.agentgateway.model.config.ConfigException;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Validates bearer JWTs against configured issuers and applies the mode. Only asymmetric signatures
 * (RS*, PS*, ES*) are accepted: {@code none} and HMAC never are. Thread-safe; compile once per
 * policy and share.
 */
public final class JwtAuthenticator {
  /** Tolerated clock difference with the issuer, as upstream (60 s). */
  public static final Duration CLOCK_SKEW = Duration.ofSeconds(60);

  /** Longer tokens are refused before parsing. */
  public static final int MAX_TOKEN_LENGTH = 32 * 1024;

  /** Keys tried for a token without {@code kid}; a set holding more is misconfigured. */
  private static final int MAX_KEYS_TRIED = 8;

  private static final Set<JWSAlgorithm> RSA_ALGORITHMS =
      Set.of(
          JWSAlgorithm.RS256,
          JWSAlgorithm.RS384,
          JWSAlgorithm.RS512,
          JWSAlgorithm.PS256,
          JWSAlgorithm.PS384,
          JWSAlgorithm.PS512);
  private static final Set<JWSAlgorithm> EC_ALGORITHMS =
      Set.of(JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

  /** Verified tokens remembered at most; the whole memo is dropped when it is full. */
  private static final int MAX_VERIFIED = 1024;

  /** Longer tokens are verified every time rather than remembered (bounds the memo's memory). */
  private static final int MAX_VERIFIED_LENGTH = 4096;

  private final JwtMode mode;
  private final Map<String, Provider> providersByIssuer;
  private final Clock clock;

  /**
   * Tokens whose signature checked out, with the key set they were checked against: a client sends
   * the same token again and again, and the signature check is most of a request's cost. The time
   * claims are still checked on every use; a changed key set (rotation, refetch) makes the entry
   * useless.
   */
  private final Map<String, Verified> verified = new ConcurrentHashMap<>();

  private record Verified(
      Provider provider, List<JWK> keys, JWTClaimsSet claims, JwtOutcome.Authenticated outcome) {}

  private record Provider(
      String issuer, List<String> audiences, Set<String> requiredClaims, ProviderKeys keys) {}

  private JwtAuthenticator(JwtMode mode, Map<String, Provider> providers, Clock clock) {
    this.mode = mode;
    this.providersByIssuer = Map.copyOf(providers);
    this.clock = clock;
  }

  /**
   * Compiles a policy: inline and file key sets are read now; URLs are fetched on first use.
   *
   * @param http the client for JWKS URLs (shared; only used when a provider has one)
   * @throws ConfigException a key set that cannot be read or parsed, with its path {@code
   *     providers[i].jwks}
   */
  public static JwtAuthenticator create(
      JwtAuthConfig config, HttpClient http, JwksSettings settings, Clock clock)
      throws ConfigException {
    return create(config, r -> new RemoteJwks(r.url(), http, r.settings(settings), clock), clock);
  }

  /**
   * Compiles a policy whose remote key sets come from {@code remote} (which may share one cache per
   * URL between policies).
   */
  static JwtAuthenticator create(
      JwtAuthConfig config, Function<JwksSource.Remote, ProviderKeys> remote, Clock clock)
      throws ConfigException {
    Map<String, Provider> providers = new HashMap<>();
    for (int i = 0; i < config.providers().size(); i++) {
      JwtProviderConfig p = config.providers().get(i);
      ProviderKeys keys = keys(p.jwks(), "providers[" + i + "].jwks", remote);
      providers.put(
          p.issuer(),
          new Provider(p.issuer(), p.audiences(), p.jwtValidationOptions().requiredClaims(), keys));
    }
    return new JwtAuthenticator(config.mode(), providers, clock);
  }

  /** A client for JWKS URLs: redirects followed, short connect timeout. */
  public static HttpClient defaultHttpClient() {
    return HttpClient.newBuilder()
        .connectTimeout(JwksSettings.DEFAULT.fetchTimeout())
        .followRedirects(HttpClient.Redirect.NORMAL)
        .build();
  }

  private static ProviderKeys keys(
      JwksSource source, String path, Function<JwksSource.Remote, ProviderKeys> remoteKeys)
      throws ConfigException {
    return switch (source) {
      case JwksSource.Remote remote -> remoteKeys.apply(remote);
      case JwksSource.Inline inline -> new ProviderKeys.Fixed(parse(inline.json(), path));
      case JwksSource.File file -> {
        String json;
        try {
          json = Files.readString(file.file());
        } catch (IOException e) {
          throw new ConfigException(
              path + ".file", "cannot read " + file.file() + ": " + e.getMessage());
        }
        yield new ProviderKeys.Fixed(parse(json, path + ".file"));
      }
    };
  }

  private static List<JWK> parse(String json, String path) throws ConfigException {
    try {
      List<JWK> keys = JwksParsing.publicKeys(json);
      if (keys.isEmpty()) {
        throw new ConfigException(path, "the key set has no keys");
      }
      return keys;
    } catch (ParseException e) {
      throw new ConfigException(path, "not a JSON Web Key Set: " + e.getMessage());
    }
  }

  /** The policy's mode. */
  public JwtMode mode() {
    return mode;
  }

  /**
   * Authenticates a request by its Authorization header values.
   *
   * @param authorization every value of the Authorization header; null or empty when absent
   */
  public JwtOutcome authenticate(List<String> authorization) {
    return authenticate(BearerToken.extract(authorization));
  }

  /** Authenticates a request by what was extracted from it. */
  public JwtOutcome authenticate(BearerToken.Extraction extraction) {
    return switch (extraction) {
      case BearerToken.Missing missing ->
          mode == JwtMode.STRICT
              ? new JwtOutcome.Rejected("missing bearer token", false)
              : JwtOutcome.Anonymous.INSTANCE;
      case BearerToken.Malformed malformed -> invalid(malformed.reason());
      case BearerToken.Present present -> {
        JwtOutcome result = validate(present.token());
        yield result instanceof JwtOutcome.Rejected rejected ? invalid(rejected.reason()) : result;
      }
    };
  }

  private JwtOutcome invalid(String reason) {
    return mode == JwtMode.PERMISSIVE
        ? JwtOutcome.Anonymous.INSTANCE
        : new JwtOutcome.Rejected(reason, true);
  }

  /** Authenticated, or Rejected with the reason the token is invalid (before the mode applies). */
  private JwtOutcome validate(String token) {
    if (token.length() > MAX_TOKEN_LENGTH) {
      return rejected("token too large");
    }
    Verified memo = verified.get(token);
    if (memo != null && memo.provider().keys().current() == memo.keys()) {
      String claimsProblem = checkClaims(memo.claims(), memo.provider());
      return claimsProblem == null ? memo.outcome() : rejected(claimsProblem);
    }
    JWT parsed;
    JWTClaimsSet claims;
    try {
      parsed = JWTParser.parse(token);
      if (!(parsed instanceof SignedJWT)) {
        // Unsecured (alg none) and encrypted tokens.
        return rejected("token is not a signed JWT");
      }
      claims = parsed.getJWTClaimsSet();
    } catch (ParseException | RuntimeException e) {
      // Hostile input to a third-party parser: whatever it throws is a malformed token. Parser
      // messages may quote token content; keep them out of responses and logs.
      return rejected("malformed token");
    }
    SignedJWT jwt = (SignedJWT) parsed;
    JWSAlgorithm alg = jwt.getHeader().getAlgorithm();
    if (!RSA_ALGORITHMS.contains(alg) && !EC_ALGORITHMS.contains(alg)) {
      return rejected("token algorithm not allowed");
    }
    String issuer = claims.getIssuer();
    Provider provider = issuer == null ? null : providersByIssuer.get(issuer);
    if (provider == null) {
      return rejected(issuer == null ? "token has no issuer" : "token issuer is not trusted");
    }
    List<JWK> keys = provider.keys().current();
    String signatureProblem = verifySignature(jwt, provider, keys);
    if (signatureProblem != null) {
      return rejected(signatureProblem);
    }
    String claimsProblem = checkClaims(claims, provider);
    if (claimsProblem != null) {
      return rejected(claimsProblem);
    }
    JwtOutcome.Authenticated outcome =
        new JwtOutcome.Authenticated(claims.getSubject(), issuer, deepCopy(claims.toJSONObject()));
    // Remembered only against the key set it was verified with (a refetch during the check makes
    // another list, so the token is simply checked again next time).
    if (token.length() <= MAX_VERIFIED_LENGTH && provider.keys().current() == keys) {
      if (verified.size() >= MAX_VERIFIED) {
        verified.clear();
      }
      verified.put(token, new Verified(provider, keys, claims, outcome));
    }
    return outcome;
  }

  private static JwtOutcome rejected(String reason) {
    return new JwtOutcome.Rejected(reason, true);
  }

  private static String verifySignature(SignedJWT jwt, Provider provider, List<JWK> keys) {
    JWSHeader header = jwt.getHeader();
    List<JWK> candidates = candidates(keys, header);
    if (candidates.isEmpty() && provider.keys().refreshForUnknownKey()) {
      candidates = candidates(provider.keys().current(), header);
    }
    if (candidates.isEmpty()) {
      return header.getKeyID() == null
          ? "no signing key for the token's algorithm"
          : "token signing key is unknown";
    }
    for (JWK key : candidates.subList(0, Math.min(MAX_KEYS_TRIED, candidates.size()))) {
      try {
        JWSVerifier verifier =
            key instanceof RSAKey rsa ? new RSASSAVerifier(rsa) : new ECDSAVerifier((ECKey) key);
        if (jwt.verify(verifier)) {
          return null;
        }
      } catch (JOSEException e) {
        // A key nimbus cannot use (bad curve point, unsupported critical header): try the next.
      }
    }
    return "token signature is invalid";
  }

  private static List<JWK> candidates(List<JWK> keys, JWSHeader header) {
    JWSAlgorithm alg = header.getAlgorithm();
    String kid = header.getKeyID();
    List<JWK> out = new ArrayList<>();
    for (JWK key : keys) {
      if (kid != null && !kid.equals(key.getKeyID())) {
        continue;
      }
      if (key.getKeyUse() != null && !KeyUse.SIGNATURE.equals(key.getKeyUse())) {
        continue;
      }
      if (key.getAlgorithm() != null && !key.getAlgorithm().getName().equals(alg.getName())) {
        continue;
      }
      boolean typeMatches =
          RSA_ALGORITHMS.contains(alg)
              ? key instanceof RSAKey
              : key instanceof ECKey ec && Curve.forJWSAlgorithm(alg).contains(ec.getCurve());
      if (typeMatches) {
        out.add(key);
      }
    }
    return out;
  }

  private String checkClaims(JWTClaimsSet claims, Provider provider) {
    for (String required : provider.requiredClaims()) {
      if (claims.getClaim(required) == null) {
        return "token lacks the required '" + required + "' claim";
      }
    }
    Instant now = clock.instant();
    Object exp = claims.getClaim("exp");
    if (exp != null) {
      if (!(exp instanceof Date expiry)) {
        return "malformed exp claim";
      }
      if (now.isAfter(expiry.toInstant().plus(CLOCK_SKEW))) {
        return "token expired";
      }
    }
    Object nbf = claims.getClaim("nbf");
    if (nbf != null) {
      if (!(nbf instanceof Date notBefore)) {
        return "malformed nbf claim";
      }
      if (now.isBefore(notBefore.toInstant().minus(CLOCK_SKEW))) {
        return "token not yet valid";
      }
    }
    if (!provider.audiences().isEmpty()) {
      List<String> audiences = claims.getAudience();
      if (audiences == null || audiences.stream().noneMatch(provider.audiences()::contains)) {
        return "token audience is not accepted";
      }
    }
    return null;
  }

  @SuppressWarnings("unchecked")
  private static Object deepCopyValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      return deepCopy((Map<String, Object>) map);
    }
    if (value instanceof List<?> list) {
      List<Object> copy = new ArrayList<>(list.size());
      list.forEach(item -> copy.add(deepCopyValue(item)));
      return Collections.unmodifiableList(copy);
    }
    return value;
  }

  private static Map<String, Object> deepCopy(Map<String, Object> map) {
    Map<String, Object> copy = new LinkedHashMap<>();
    map.forEach((k, v) -> copy.put(k, deepCopyValue(v)));
    return Collections.unmodifiableMap(copy);
  }
}
