package dev.agentgateway.proxy.policy.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LocalRateLimiterTest {
  private final FakeClock clock = new FakeClock();
  private final RateLimitSpec twoRequests =
      new RateLimitSpec(2, 1, Duration.ofSeconds(1), RateLimitType.REQUESTS);
  private final RateLimitSpec hundredTokens =
      new RateLimitSpec(100, 100, Duration.ofMinutes(1), RateLimitType.TOKENS);

  @Test
  void everyBucketMustAdmitAndARefusalCostsNothing() {
    LocalRateLimiter limiter = new LocalRateLimiter(List.of(twoRequests, hundredTokens), clock);
    assertTrue(limiter.check().allowed());
    limiter.amend(150, 0); // the tokens bucket is now empty
    RateLimitDecision refused = limiter.check();
    assertFalse(refused.allowed());
    assertEquals("100", refused.headers().get("x-ratelimit-limit"));
    // The requests bucket gave its token back: one request left there after the refill of tokens.
    clock.advance(Duration.ofMinutes(1));
    assertTrue(limiter.check().allowed());
    assertTrue(limiter.check().allowed());
    assertFalse(limiter.check().allowed());
  }

  @Test
  void upFrontEstimateIsTakenAndAmendChargesOnlyTheDifference() {
    LocalRateLimiter limiter = new LocalRateLimiter(List.of(hundredTokens), clock);
    RateLimitDecision d = limiter.check(30);
    assertTrue(d.allowed());
    assertEquals(70, d.remaining());
    limiter.amend(50, 30);
    assertEquals(50, limiter.check(0).remaining());
    assertFalse(limiter.check(60).allowed()); // the estimate alone is more than is left
  }

  @Test
  void decisionReportsTheMostRestrictiveBucket() {
    LocalRateLimiter limiter = new LocalRateLimiter(List.of(hundredTokens, twoRequests), clock);
    RateLimitDecision d = limiter.check();
    assertEquals(2, d.limit());
    assertEquals(1, d.remaining());
  }

  @Test
  void registryKeepsCountsAcrossReloadsWithTheSameSpecs() {
    RateLimiters registry = new RateLimiters(clock);
    RateLimiters.Key key = RateLimiters.Key.of("route/a");
    LocalRateLimiter first = registry.limiter(key, List.of(twoRequests));
    first.check();
    first.check();
    LocalRateLimiter again = registry.limiter(key, List.of(twoRequests));
    assertSame(first, again);
    assertFalse(again.check().allowed());
    LocalRateLimiter changed =
        registry.limiter(
            key, List.of(new RateLimitSpec(5, 1, Duration.ofSeconds(1), RateLimitType.REQUESTS)));
    assertNotSame(first, changed);
    assertTrue(changed.check().allowed());
    registry.limiter(RateLimiters.Key.of("route/b"), List.of(twoRequests));
    registry.retain(Set.of("route/b"));
    assertEquals(1, registry.size());
  }
}
