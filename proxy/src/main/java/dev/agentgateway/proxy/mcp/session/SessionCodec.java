package dev.agentgateway.proxy.mcp.session;

import dev.agentgateway.model.config.ConfigException;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.logging.Logger;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a {@link SessionState} into the {@code Mcp-Session-Id} header value and opens it again, so
 * any replica holding the same key resumes a session it never saw.
 *
 * <p>Format: base64url (no padding) of {@code version ‖ nonce(12) ‖ AES-256-GCM(state) ‖ tag(16)},
 * with the version byte as associated data. Unsealed state is never accepted: a forged id could pin
 * a session to any endpoint, so without a configured key each process uses a random one (sessions
 * then resume on that process only).
 *
 * <p>Thread-safe; create one per process (a new random key would orphan every open session).
 */
public final class SessionCodec {
  private static final Logger LOG = Logger.getLogger(SessionCodec.class.getName());

  /** The environment variable that sets the key; it wins over {@code config.session.key}. */
  public static final String ENV_KEY = "SESSION_KEY";

  /** Where the key sits in the standalone config file. */
  public static final String CONFIG_KEY = "config.session.key";

  /** Longest header value accepted; real ids are a few hundred characters. */
  public static final int MAX_HEADER_LENGTH = 8 * 1024;

  private static final byte VERSION = 1;
  private static final int KEY_BYTES = 32;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final int OVERHEAD = 1 + NONCE_BYTES + TAG_BITS / 8;

  private final SecretKey key;
  private final SecureRandom random;
  private final boolean shared;

  private SessionCodec(byte[] key, SecureRandom random, boolean shared) {
    this.key = new SecretKeySpec(key, "AES");
    this.random = random;
    this.shared = shared;
  }

  /**
   * The codec for this process: the key from {@code SESSION_KEY} if set, else from {@code
   * config.session.key}, else a random key (logged once, here).
   *
   * @param envKey the value of {@code SESSION_KEY}, or null
   * @param configKey the value of {@code config.session.key}, or null
   * @throws ConfigException the chosen key is not 64 hex characters; the error names the setting
   */
  public static SessionCodec fromSettings(String envKey, String configKey) throws ConfigException {
    if (envKey != null && !envKey.isBlank()) {
      return withHexKey(envKey, ENV_KEY);
    }
    if (configKey != null) {
      return withHexKey(configKey, CONFIG_KEY);
    }
    LOG.warning(
        "no MCP session key configured (SESSION_KEY or config.session.key): using a random"
            + " per-process key, so sessions resume on this process only");
    return withRandomKey();
  }

  /**
   * A codec with the given key.
   *
   * @param hex 32 bytes as 64 hex characters (surrounding whitespace ignored)
   * @param setting where the key came from, named in errors
   * @throws ConfigException the key is not 64 hex characters; the key itself is never echoed
   */
  public static SessionCodec withHexKey(String hex, String setting) throws ConfigException {
    String trimmed = hex == null ? "" : hex.strip();
    if (trimmed.length() != KEY_BYTES * 2) {
      throw new ConfigException(
          setting,
          "the session key must be 32 bytes as 64 hex characters (e.g. `openssl rand -hex 32`),"
              + " got "
              + trimmed.length()
              + " characters");
    }
    byte[] key;
    try {
      key = HexFormat.of().parseHex(trimmed);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(setting, "the session key is not hexadecimal");
    }
    return new SessionCodec(key, new SecureRandom(), true);
  }

  /** A codec with a fresh random key: ids it seals open only in this codec. */
  public static SessionCodec withRandomKey() {
    SecureRandom random = new SecureRandom();
    byte[] key = new byte[KEY_BYTES];
    random.nextBytes(key);
    return new SessionCodec(key, random, false);
  }

  /**
   * True when the key was configured, so other replicas (and this one after a restart) may hold it
   * and resume the sessions it seals.
   */
  public boolean shared() {
    return shared;
  }

  /** Seals {@code state} into a header value (ASCII, base64url without padding). */
  public String seal(SessionState state) {
    return seal(state, new byte[0]);
  }

  /**
   * Seals {@code state} bound to {@code context} (authenticated, not stored): it unseals only with
   * the same context, so an id issued for one MCP backend is worthless on another.
   */
  public String seal(SessionState state, byte[] context) {
    byte[] plain = SessionStateFormat.write(state);
    byte[] out = new byte[OVERHEAD + plain.length];
    out[0] = VERSION;
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    System.arraycopy(nonce, 0, out, 1, NONCE_BYTES);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(out, 0, 1);
      cipher.updateAAD(context);
      cipher.doFinal(plain, 0, plain.length, out, 1 + NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      // AES-GCM is mandatory in every JDK; failing here is a broken runtime, not bad input.
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
    String sealed = Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    if (sealed.length() > MAX_HEADER_LENGTH) {
      throw new IllegalArgumentException(
          "the sealed session is longer than " + MAX_HEADER_LENGTH + " characters");
    }
    return sealed;
  }

  /**
   * Opens a header value sealed by a codec with the same key.
   *
   * @throws InvalidSessionException the value is too long, not base64url, of an unknown version,
   *     tampered, sealed under another key, or its content is malformed
   */
  public SessionState unseal(String headerValue) throws InvalidSessionException {
    return unseal(headerValue, new byte[0]);
  }

  /** Opens a header value sealed with {@link #seal(SessionState, byte[])} and the same context. */
  public SessionState unseal(String headerValue, byte[] context) throws InvalidSessionException {
    if (headerValue == null || headerValue.isEmpty()) {
      throw new InvalidSessionException("empty session id");
    }
    if (headerValue.length() > MAX_HEADER_LENGTH) {
      throw new InvalidSessionException("session id too long");
    }
    byte[] raw;
    try {
      raw = Base64.getUrlDecoder().decode(headerValue);
    } catch (IllegalArgumentException e) {
      throw new InvalidSessionException("session id is not base64url");
    }
    if (raw.length < OVERHEAD) {
      throw new InvalidSessionException("session id too short");
    }
    if (raw[0] != VERSION) {
      throw new InvalidSessionException("unknown session id version");
    }
    Cipher cipher;
    try {
      cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 1, NONCE_BYTES));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
    byte[] plain;
    try {
      cipher.updateAAD(raw, 0, 1);
      cipher.updateAAD(context);
      plain = cipher.doFinal(raw, 1 + NONCE_BYTES, raw.length - 1 - NONCE_BYTES);
    } catch (GeneralSecurityException e) {
      // A wrong key and a flipped bit look the same: the tag does not verify.
      throw new InvalidSessionException("session id failed authentication");
    }
    try {
      return SessionStateFormat.read(ByteBuffer.wrap(plain));
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }
}
