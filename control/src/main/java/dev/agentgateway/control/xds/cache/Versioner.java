package dev.agentgateway.control.xds.cache;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.Function;

/** Computes a resource version from its content, deterministically across processes. */
@FunctionalInterface
public interface Versioner<T> {

  /** The version of this payload; equal content gives an equal version. */
  String version(T payload);

  /** Versions by the first 16 hex digits of the SHA-256 of the payload's serialized bytes. */
  static <T> Versioner<T> sha256(Function<? super T, byte[]> serializer) {
    return payload -> sha256Hex(serializer.apply(payload));
  }

  /** Versions a payload by the SHA-256 of its UTF-8 {@code toString()}; handy for text payloads. */
  static <T> Versioner<T> sha256OfString() {
    return sha256(payload -> payload.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static String sha256Hex(byte[] bytes) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JDK", e);
    }
  }
}
