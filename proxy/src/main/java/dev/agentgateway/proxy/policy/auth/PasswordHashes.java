package dev.agentgateway.proxy.policy.auth;

import dev.agentgateway.model.ir.BasicAuthPolicy;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import org.springframework.security.crypto.bcrypt.BCrypt;

/** Checks a password against an htpasswd hash (bcrypt, {@code $apr1$} or {@code {SHA}}). */
final class PasswordHashes {
  private static final String SHA_PREFIX = "{SHA}";

  private PasswordHashes() {}

  /** Whether {@code password} matches {@code hash}; false for any malformed hash. */
  static boolean matches(String password, String hash) {
    BasicAuthPolicy.Scheme scheme = BasicAuthPolicy.Scheme.of(hash);
    if (scheme == null) {
      return false;
    }
    byte[] pw = password.getBytes(StandardCharsets.UTF_8);
    return switch (scheme) {
      case BCRYPT -> bcrypt(password, hash);
      case APR1 -> constantTimeEquals(Apr1Crypt.hash(pw, hash), hash);
      case SHA1 -> constantTimeEquals(SHA_PREFIX + sha1Base64(pw), hash);
    };
  }

  private static boolean bcrypt(String password, String hash) {
    try {
      return BCrypt.checkpw(password, hash);
    } catch (IllegalArgumentException e) {
      // A malformed hash, or a password over bcrypt's 72-byte limit: neither matches.
      return false;
    }
  }

  private static String sha1Base64(byte[] password) {
    try {
      return Base64.getEncoder()
          .encodeToString(MessageDigest.getInstance("SHA-1").digest(password));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no SHA-1", e);
    }
  }

  static boolean constantTimeEquals(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
  }
}
