package dev.agentgateway.proxy.llm.failover;

import dev.agentgateway.model.config.Durations;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.function.Function;

/**
 * Reads how long a provider asked us to stay away from its answer's headers:
 *
 * <ol>
 *   <li>{@code retry-after}: delta-seconds or an HTTP-date (RFC 9110 §10.2.3);
 *   <li>else the longest of {@code x-ratelimit-reset}, {@code x-ratelimit-reset-requests}, {@code
 *       x-ratelimit-reset-tokens}: seconds ({@code 20}, {@code 1.5}) or Go-style durations as
 *       OpenAI sends them ({@code 6m0s}, {@code 20ms});
 *   <li>else the longest of Anthropic's {@code anthropic-ratelimit-requests-reset}, {@code
 *       -tokens-reset}, {@code -input-tokens-reset}, {@code -output-tokens-reset}: RFC 3339 times.
 * </ol>
 *
 * The longest, because we cannot tell which limit was hit and coming back early earns another 429.
 * Unreadable values are ignored.
 */
public final class RetryAfter {
  private static final List<String> RESETS =
      List.of("x-ratelimit-reset", "x-ratelimit-reset-requests", "x-ratelimit-reset-tokens");
  private static final List<String> ANTHROPIC_RESETS =
      List.of(
          "anthropic-ratelimit-requests-reset",
          "anthropic-ratelimit-tokens-reset",
          "anthropic-ratelimit-input-tokens-reset",
          "anthropic-ratelimit-output-tokens-reset");

  private RetryAfter() {}

  /**
   * The hint in {@code header} (a lookup by lower-case name, {@code null} when absent), or {@code
   * null} when there is none.
   *
   * @param clock wall-clock time, for the header forms that are dates
   */
  public static Duration from(Function<String, String> header, InstantSource clock) {
    String retryAfter = header.apply("retry-after");
    if (retryAfter != null) {
      Duration d = retryAfterValue(retryAfter.trim(), clock.instant());
      if (d != null) {
        return d;
      }
    }
    Duration longest = null;
    for (String name : RESETS) {
      longest = longer(longest, resetValue(header.apply(name)));
    }
    if (longest != null) {
      return longest;
    }
    for (String name : ANTHROPIC_RESETS) {
      longest = longer(longest, timestamp(header.apply(name), clock.instant()));
    }
    return longest;
  }

  private static Duration retryAfterValue(String value, Instant now) {
    if (!value.isEmpty() && value.chars().allMatch(Character::isDigit)) {
      return value.length() > 12 ? null : Duration.ofSeconds(Long.parseLong(value));
    }
    try {
      Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return positive(Duration.between(now, at));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Duration resetValue(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    try {
      if (v.matches("\\d{1,12}(\\.\\d{1,9})?")) {
        return positive(Duration.ofNanos(Math.round(Double.parseDouble(v) * 1e9)));
      }
      return positive(Durations.parse(v));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Duration timestamp(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return positive(Duration.between(now, OffsetDateTime.parse(value.trim()).toInstant()));
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Duration positive(Duration d) {
    return d.isNegative() || d.isZero() ? null : d;
  }

  private static Duration longer(Duration a, Duration b) {
    if (a == null) {
      return b;
    }
    return b != null && b.compareTo(a) > 0 ? b : a;
  }
}
