package dev.agentgateway.model.config;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Map;

/** Go/humantime-style durations such as {@code 10s}, {@code 1m30s}, {@code 500ms}, {@code 2.5s}. */
public final class Durations {
  private static final long NANOS_PER_SECOND = 1_000_000_000L;
  private static final Map<String, Long> UNIT_NANOS =
      Map.of(
          "ns", 1L,
          "us", 1_000L,
          "µs", 1_000L,
          "ms", 1_000_000L,
          "s", NANOS_PER_SECOND,
          "m", 60 * NANOS_PER_SECOND,
          "h", 3600 * NANOS_PER_SECOND);
  private static final BigInteger MAX_NANOS = BigInteger.valueOf(Long.MAX_VALUE);

  private Durations() {}

  /**
   * Parses a duration.
   *
   * @throws IllegalArgumentException with a one-line reason when {@code text} is not a duration
   */
  public static Duration parse(String text) {
    if (text.equals("0")) {
      return Duration.ZERO;
    }
    if (text.isEmpty()) {
      throw new IllegalArgumentException("empty duration");
    }
    BigDecimal total = BigDecimal.ZERO;
    int i = 0;
    while (i < text.length()) {
      int start = i;
      while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
        i++;
      }
      BigDecimal number = number(text.substring(start, i));
      int unitStart = i;
      while (i < text.length() && !Character.isDigit(text.charAt(i)) && text.charAt(i) != '.') {
        i++;
      }
      String unit = text.substring(unitStart, i);
      Long nanos = UNIT_NANOS.get(unit);
      if (nanos == null) {
        throw new IllegalArgumentException(
            unit.isEmpty()
                ? "missing unit (use ns, us, ms, s, m or h, e.g. \"10s\")"
                : "unknown unit (use ns, us, ms, s, m or h)"); // the text may be a secret
      }
      total = total.add(number.multiply(BigDecimal.valueOf(nanos)));
    }
    BigInteger whole = total.toBigInteger();
    if (whole.compareTo(MAX_NANOS) > 0) {
      throw new IllegalArgumentException("duration too large");
    }
    return Duration.ofNanos(whole.longValueExact());
  }

  private static BigDecimal number(String digits) {
    if (digits.isEmpty() || digits.equals(".") || digits.indexOf('.') != digits.lastIndexOf('.')) {
      throw new IllegalArgumentException("expected a number followed by a unit, e.g. \"10s\"");
    }
    return new BigDecimal(digits.startsWith(".") ? "0" + digits : digits);
  }

  /**
   * Formats like Go's {@code time.Duration.String()}: {@code 1h0m0s}, {@code 1m30s}, {@code 500ms}.
   */
  public static String format(Duration duration) {
    if (duration.isZero()) {
      return "0s";
    }
    String sign = duration.isNegative() ? "-" : "";
    BigInteger nanos =
        BigInteger.valueOf(duration.getSeconds())
            .multiply(BigInteger.valueOf(NANOS_PER_SECOND))
            .add(BigInteger.valueOf(duration.getNano()))
            .abs();
    if (nanos.compareTo(BigInteger.valueOf(NANOS_PER_SECOND)) < 0) {
      long n = nanos.longValue();
      if (n < 1_000) {
        return sign + n + "ns";
      }
      return sign + (n < 1_000_000 ? decimal(n, 1_000) + "us" : decimal(n, 1_000_000) + "ms");
    }
    BigInteger[] hoursRest = nanos.divideAndRemainder(BigInteger.valueOf(3600 * NANOS_PER_SECOND));
    long rest = hoursRest[1].longValue();
    long minutes = rest / (60 * NANOS_PER_SECOND);
    String seconds = decimal(rest % (60 * NANOS_PER_SECOND), NANOS_PER_SECOND) + "s";
    if (hoursRest[0].signum() > 0) {
      return sign + hoursRest[0] + "h" + minutes + "m" + seconds;
    }
    return sign + (minutes > 0 ? minutes + "m" : "") + seconds;
  }

  private static String decimal(long value, long unit) {
    return BigDecimal.valueOf(value)
        .divide(BigDecimal.valueOf(unit))
        .stripTrailingZeros()
        .toPlainString();
  }
}
