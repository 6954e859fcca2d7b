package dev.agentgateway.proxy.policy.auth;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentgateway.model.ir.ApiKeyAuthPolicy;
import dev.agentgateway.proxy.telemetry.ResponseReason;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * {@code apiKey}: the presented key's SHA-256 is compared with every accepted key's, each in
 * constant time and without stopping at a match, so neither a key nor its position leaks through
 * timing.
 */
final class ApiKeyAuthenticator {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String REDACTED = "<redacted>";

  private final List<byte[]> digests;
  private final List<Check.Accepted> identities;
  private final ApiKeyAuthPolicy.Mode mode;
  private final Credentials credentials;
  private final Denial missing =
      new Denial(Status.UNAUTHORIZED_401, "api key: missing", null, ResponseReason.API_KEY_AUTH);
  private final Denial invalid =
      new Denial(Status.UNAUTHORIZED_401, "api key: invalid", null, ResponseReason.API_KEY_AUTH);

  private ApiKeyAuthenticator(ApiKeyAuthPolicy policy) {
    List<byte[]> d = new ArrayList<>();
    List<Check.Accepted> ids = new ArrayList<>();
    for (ApiKeyAuthPolicy.Key key : policy.keys()) {
      d.add(
          key.value() != null
              ? sha256(key.value().value())
              : HexFormat.of().parseHex(key.sha256()));
      ids.add(identity(key.metadataJson()));
    }
    this.digests = List.copyOf(d);
    this.identities = List.copyOf(ids);
    this.mode = policy.mode();
    this.credentials = new Credentials(policy.location());
  }

  static ApiKeyAuthenticator compile(ApiKeyAuthPolicy policy) {
    return policy == null ? null : new ApiKeyAuthenticator(policy);
  }

  /** The key's metadata when a known key is presented; else a denial or anonymous. */
  Check authenticate(ServerRequest req) {
    Check found =
        switch (credentials.find(req)) {
          case Credentials.Found.Absent a ->
              mode == ApiKeyAuthPolicy.Mode.STRICT ? missing : Check.ANONYMOUS;
          case Credentials.Found.TooLong t -> invalid;
          case Credentials.Found.Value v -> match(v.value());
        };
    return found instanceof Denial && mode == ApiKeyAuthPolicy.Mode.PERMISSIVE
        ? Check.ANONYMOUS
        : found;
  }

  private Check match(String key) {
    byte[] digest = sha256(key);
    int matched = -1;
    for (int i = 0; i < digests.size(); i++) {
      if (MessageDigest.isEqual(digest, digests.get(i)) && matched < 0) {
        matched = i;
      }
    }
    return matched < 0 ? invalid : identities.get(matched);
  }

  /** What CEL reads as {@code apiKey}: the metadata's fields, and {@code key} redacted. */
  private static Check.Accepted identity(String metadataJson) {
    Map<String, Object> fields = new HashMap<>();
    if (metadataJson != null) {
      Object metadata;
      try {
        metadata = JSON.readValue(metadataJson, Object.class);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(
            "apiKey metadata is not JSON: " + e.getOriginalMessage());
      }
      if (metadata instanceof Map<?, ?> map) {
        map.forEach((k, v) -> fields.put(String.valueOf(k), v));
      } else if (metadata != null) {
        fields.put("metadata", metadata);
      }
    }
    fields.putIfAbsent("key", REDACTED);
    String name = fields.get("name") instanceof String s ? s : null;
    return new Check.Accepted(java.util.Collections.unmodifiableMap(fields), name);
  }

  private static byte[] sha256(String value) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-256", e);
    }
  }
}
