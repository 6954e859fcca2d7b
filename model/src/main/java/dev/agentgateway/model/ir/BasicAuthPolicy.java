package dev.agentgateway.model.ir;

import java.util.List;
import java.util.Objects;

/**
 * {@code basicAuth}: requests authenticated by a user name and password checked against htpasswd
 * entries; the user name becomes {@code basicAuth.username} for later policies.
 *
 * @param users the htpasswd entries, at least one; user names are unique
 * @param realm shown in {@code WWW-Authenticate}, or null
 * @param mode whether credentials are required
 * @param location where the request carries its credentials
 */
public record BasicAuthPolicy(
    List<User> users, String realm, Mode mode, CredentialLocation location) {

  public BasicAuthPolicy {
    users = List.copyOf(users);
    if (users.isEmpty()) {
      throw new IllegalArgumentException("basicAuth needs at least one user");
    }
    if (users.stream().map(User::username).distinct().count() != users.size()) {
      throw new IllegalArgumentException("basicAuth user names must be unique");
    }
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(location, "location");
    if (realm != null && (realm.indexOf('"') >= 0 || realm.chars().anyMatch(c -> c < 0x20))) {
      throw new IllegalArgumentException("basicAuth realm must not contain quotes or controls");
    }
  }

  /** Upstream's modes; {@code optional} is its default. */
  public enum Mode {
    /** Valid credentials are required. */
    STRICT,
    /** Credentials are checked when present; none passes. */
    OPTIONAL
  }

  /** The password hash schemes accepted; plain-text and crypt(3) DES entries are refused. */
  public enum Scheme {
    /** {@code $2a$}, {@code $2b$} or {@code $2y$}. */
    BCRYPT,
    /** {@code $apr1$}: Apache's MD5-based crypt. */
    APR1,
    /** {@code {SHA}}: base64 of the SHA-1 of the password. */
    SHA1;

    /** The scheme of an htpasswd hash, or null when it is none we accept. */
    public static Scheme of(String hash) {
      if (hash.startsWith("$2a$") || hash.startsWith("$2b$") || hash.startsWith("$2y$")) {
        return BCRYPT;
      }
      if (hash.startsWith("$apr1$")) {
        return APR1;
      }
      return hash.startsWith("{SHA}") ? SHA1 : null;
    }
  }

  /**
   * One htpasswd entry.
   *
   * @param username the user name (no {@code :})
   * @param hash the password hash, in one of the {@link Scheme}s
   */
  public record User(String username, Secret hash) {
    public User {
      Objects.requireNonNull(username, "username");
      if (username.isEmpty() || username.indexOf(':') >= 0) {
        throw new IllegalArgumentException("a basicAuth user name is empty or has ':'");
      }
      Objects.requireNonNull(hash, "hash");
      if (Scheme.of(hash.value()) == null) {
        throw new IllegalArgumentException(
            "user " + username + ": unsupported password hash (use bcrypt, $apr1$ or {SHA})");
      }
    }
  }
}
