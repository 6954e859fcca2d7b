package dev.agentgateway.proxy.policy.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Apache's {@code $apr1$} password hash: the FreeBSD MD5-crypt algorithm with Apache's magic
 * string. Weak by today's standards; kept because htpasswd files still carry it.
 */
final class Apr1Crypt {
  static final String MAGIC = "$apr1$";
  private static final String ITOA64 =
      "./0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final int MAX_SALT = 8;
  private static final int ROUNDS = 1000;

  private Apr1Crypt() {}

  /** The {@code $apr1$salt$hash} of {@code password} with the salt of {@code setting}. */
  static String hash(byte[] password, String setting) {
    String rest = setting.startsWith(MAGIC) ? setting.substring(MAGIC.length()) : setting;
    int end = rest.indexOf('$');
    String salt = rest.substring(0, Math.min(end < 0 ? rest.length() : end, MAX_SALT));
    byte[] saltBytes = salt.getBytes(StandardCharsets.UTF_8);
    byte[] magic = MAGIC.getBytes(StandardCharsets.US_ASCII);

    MessageDigest ctx = md5();
    ctx.update(password);
    ctx.update(magic);
    ctx.update(saltBytes);
    MessageDigest alt = md5();
    alt.update(password);
    alt.update(saltBytes);
    alt.update(password);
    byte[] altSum = alt.digest();
    for (int left = password.length; left > 0; left -= 16) {
      ctx.update(altSum, 0, Math.min(left, 16));
    }
    for (int i = password.length; i != 0; i >>>= 1) {
      if ((i & 1) != 0) {
        ctx.update((byte) 0);
      } else {
        ctx.update(password.length == 0 ? 0 : password[0]);
      }
    }
    byte[] sum = ctx.digest();
    for (int i = 0; i < ROUNDS; i++) {
      MessageDigest round = md5();
      round.update((i & 1) != 0 ? password : sum);
      if (i % 3 != 0) {
        round.update(saltBytes);
      }
      if (i % 7 != 0) {
        round.update(password);
      }
      round.update((i & 1) != 0 ? sum : password);
      sum = round.digest();
    }
    StringBuilder out = new StringBuilder(MAGIC).append(salt).append('$');
    to64(out, (u(sum[0]) << 16) | (u(sum[6]) << 8) | u(sum[12]), 4);
    to64(out, (u(sum[1]) << 16) | (u(sum[7]) << 8) | u(sum[13]), 4);
    to64(out, (u(sum[2]) << 16) | (u(sum[8]) << 8) | u(sum[14]), 4);
    to64(out, (u(sum[3]) << 16) | (u(sum[9]) << 8) | u(sum[15]), 4);
    to64(out, (u(sum[4]) << 16) | (u(sum[10]) << 8) | u(sum[5]), 4);
    to64(out, u(sum[11]), 2);
    return out.toString();
  }

  private static int u(byte b) {
    return b & 0xff;
  }

  private static void to64(StringBuilder out, int value, int chars) {
    for (int i = 0; i < chars; i++) {
      out.append(ITOA64.charAt(value & 0x3f));
      value >>>= 6;
    }
  }

  private static MessageDigest md5() {
    try {
      return MessageDigest.getInstance("MD5");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK has no MD5", e);
    }
  }
}
