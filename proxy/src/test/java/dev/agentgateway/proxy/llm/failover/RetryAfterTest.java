package dev.agentgateway.proxy.llm.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
  private static final InstantSource NOW =
      InstantSource.fixed(Instant.parse("2026-11-28T10:00:00Z"));

  private static Duration hint(Map<String, String> headers) {
    return RetryAfter.from(headers::get, NOW);
  }

  @Test
  void retryAfterSecondsOrHttpDate() {
    assertEquals(Duration.ofSeconds(30), hint(Map.of("retry-after", "30")));
    assertEquals(
        Duration.ofSeconds(90), hint(Map.of("retry-after", "Sat, 28 Nov 2026 10:01:30 GMT")));
    assertNull(hint(Map.of("retry-after", "Sat, 28 Nov 2026 09:00:00 GMT")));
  }

  @Test
  void retryAfterWinsOverRateLimitResets() {
    assertEquals(
        Duration.ofSeconds(5),
        hint(Map.of("retry-after", "5", "x-ratelimit-reset-tokens", "6m0s")));
  }

  @Test
  void openAiStyleResetsTakeTheLongest() {
    assertEquals(
        Duration.ofMinutes(6),
        hint(Map.of("x-ratelimit-reset-requests", "20ms", "x-ratelimit-reset-tokens", "6m0s")));
    assertEquals(Duration.ofMillis(1500), hint(Map.of("x-ratelimit-reset", "1.5")));
  }

  @Test
  void anthropicResetsAreTimestamps() {
    assertEquals(
        Duration.ofSeconds(45),
        hint(
            Map.of(
                "anthropic-ratelimit-requests-reset", "2026-11-28T10:00:10Z",
                "anthropic-ratelimit-tokens-reset", "2026-11-28T10:00:45Z")));
  }

  @Test
  void noOrUnreadableHeadersGiveNoHint() {
    assertNull(hint(Map.of()));
    assertNull(hint(Map.of("retry-after", "soon", "x-ratelimit-reset", "later")));
  }
}
