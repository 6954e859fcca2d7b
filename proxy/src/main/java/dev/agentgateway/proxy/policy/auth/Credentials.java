package dev.agentgateway.proxy.policy.auth;

import dev.agentgateway.model.ir.CredentialLocation;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;

/**
 * Reads a credential from where a policy says the request carries it. A value of another scheme (a
 * {@code Bearer} token where {@code Basic} is expected) counts as absent; one longer than {@link
 * #MAX_LENGTH} is refused unread.
 */
final class Credentials {
  /** The longest credential looked at; longer ones are invalid, never hashed. */
  static final int MAX_LENGTH = 4096;

  private final CredentialLocation location;
  private final HeaderName header;

  Credentials(CredentialLocation location) {
    this.location = location;
    this.header =
        location instanceof CredentialLocation.Header h ? HeaderNames.create(h.name()) : null;
  }

  /** What the request carries: nothing, a credential, or one too long to look at. */
  sealed interface Found {
    /** No credential at this location. */
    record Absent() implements Found {}

    /** The credential, its prefix stripped. */
    record Value(String value) implements Found {}

    /** Longer than {@link #MAX_LENGTH}. */
    record TooLong() implements Found {}
  }

  static final Found ABSENT = new Found.Absent();

  Found find(ServerRequest req) {
    String raw =
        switch (location) {
          case CredentialLocation.Header h -> fromHeader(req, h.prefix());
          case CredentialLocation.QueryParameter q ->
              req.query().contains(q.name()) ? req.query().first(q.name()).orElse(null) : null;
          case CredentialLocation.Cookie c -> req.headers().cookies().first(c.name()).orElse(null);
        };
    if (raw == null || raw.isEmpty()) {
      return ABSENT;
    }
    return raw.length() > MAX_LENGTH ? new Found.TooLong() : new Found.Value(raw);
  }

  private String fromHeader(ServerRequest req, String prefix) {
    String value = req.headers().first(header).orElse(null);
    if (value == null || prefix == null) {
      return value;
    }
    String trimmedPrefix = prefix.strip();
    // Schemes are case-insensitive (RFC 9110 §11.1) and some clients add extra spaces.
    if (value.length() < trimmedPrefix.length()
        || !value.regionMatches(true, 0, trimmedPrefix, 0, trimmedPrefix.length())) {
      return null;
    }
    String rest = value.substring(trimmedPrefix.length());
    if (!rest.isEmpty()
        && !Character.isWhitespace(rest.charAt(0))
        && !prefix.equals(trimmedPrefix)) {
      return null; // "Bearerx" is not "Bearer x"
    }
    return rest.strip();
  }
}
