package dev.agentgateway.model.ir;

import java.util.HexFormat;
import java.util.Objects;

/**
 * The AES-256-GCM key that seals MCP session ids, so that any replica holding it can resume a
 * session. A secret: {@link #toString()} never shows it.
 *
 * @param hex the 32-byte key as 64 hex digits (what {@code openssl rand -hex 32} prints)
 */
public record SessionKey(String hex) {
  /** The key's length in bytes (AES-256). */
  public static final int BYTES = 32;

  /** Why a value is not a key; shared with the config loader. */
  public static final String PROBLEM =
      "must be " + BYTES * 2 + " hex digits (" + BYTES + " bytes, e.g. from openssl rand -hex 32)";

  public SessionKey {
    Objects.requireNonNull(hex, "hex");
    if (!isValid(hex)) {
      // The message never repeats the value: it is a secret even when malformed.
      throw new IllegalArgumentException(PROBLEM);
    }
  }

  /** Whether {@code hex} is 64 hex digits. */
  public static boolean isValid(String hex) {
    if (hex.length() != BYTES * 2) {
      return false;
    }
    for (int i = 0; i < hex.length(); i++) {
      if (Character.digit(hex.charAt(i), 16) < 0 || hex.charAt(i) > 127) {
        return false;
      }
    }
    return true;
  }

  /** The key bytes, a fresh copy each call. */
  public byte[] bytes() {
    return HexFormat.of().parseHex(hex);
  }

  @Override
  public String toString() {
    return "SessionKey[<redacted>]";
  }
}
