package dev.agentgateway.control.deploy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Names and label values of generated objects, kept within Kubernetes' 63-character limit. */
public final class ResourceNames {
  static final int MAX = 63;
  private static final int KEEP = 50;
  private static final int HASH = 12;

  private ResourceNames() {}

  /**
   * {@code name} itself when it fits in 63 characters, else its first 50 characters, a dash and the
   * first 12 hex digits of its SHA-256, so long names stay unique and stable.
   */
  public static String fit(String name) {
    if (name.length() <= MAX) {
      return name;
    }
    String head = name.substring(0, KEEP);
    return head + "-" + sha256Hex(name).substring(0, HASH);
  }

  /** The xDS CA ConfigMap of a Gateway. */
  public static String xdsCa(String gatewayName) {
    return fit(gatewayName + "-xds-ca");
  }

  /** The session key Secret of a Gateway. */
  public static String sessionKey(String gatewayName) {
    return fit(gatewayName + "-session-key");
  }

  static String sha256Hex(String text) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(sha.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
