package dev.agentgateway.proxy.policy.ratelimit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TokenBucketTest {
  private final FakeClock clock = new FakeClock();

  private static RateLimitSpec requests(long max, long perFill, Duration interval) {
    return new RateLimitSpec(max, perFill, interval, RateLimitType.REQUESTS);
  }

  @Test
  void admitsUpToCapacityThenRefuses() {
    TokenBucket bucket = new TokenBucket(requests(3, 1, Duration.ofSeconds(1)), clock);
    assertTrue(bucket.tryTake(1, 1).allowed());
    assertTrue(bucket.tryTake(1, 1).allowed());
    RateLimitDecision third = bucket.tryTake(1, 1);
    assertTrue(third.allowed());
    assertEquals(0, third.remaining());
    assertFalse(bucket.tryTake(1, 1).allowed());
  }

  @Test
  void refillsWholeIntervalsOnlyAndCapsAtMax() {
    TokenBucket bucket = new TokenBucket(requests(5, 2, Duration.ofSeconds(10)), clock);
    for (int i = 0; i < 5; i++) {
      bucket.tryTake(1, 1);
    }
    assertEquals(0, bucket.available());
    clock.advance(Duration.ofSeconds(9));
    assertEquals(0, bucket.available());
    clock.advance(Duration.ofSeconds(1));
    assertEquals(2, bucket.available());
    clock.advance(Duration.ofSeconds(25)); // two more whole fills, the half is kept for later
    assertEquals(5, bucket.available());
    clock.advance(Duration.ofHours(1000));
    assertEquals(5, bucket.available());
  }

  @Test
  void partialIntervalCarriesOverToTheNextFill() {
    TokenBucket bucket = new TokenBucket(requests(10, 1, Duration.ofSeconds(10)), clock);
    for (int i = 0; i < 10; i++) {
      bucket.tryTake(1, 1);
    }
    clock.advance(Duration.ofSeconds(15));
    assertEquals(1, bucket.available());
    clock.advance(Duration.ofSeconds(5)); // 20 s since the first take: the second fill is due
    assertEquals(2, bucket.available());
  }

  @Test
  void refusalCarriesRetryAfterUntilTheTokenIsBack() {
    TokenBucket bucket = new TokenBucket(requests(1, 1, Duration.ofSeconds(60)), clock);
    bucket.tryTake(1, 1);
    clock.advance(Duration.ofSeconds(20));
    RateLimitDecision refused = bucket.tryTake(1, 1);
    assertFalse(refused.allowed());
    assertEquals(Duration.ofSeconds(40).toNanos(), refused.retryAfterNanos());
    Map<String, String> headers = refused.headers();
    assertEquals("1", headers.get("x-ratelimit-limit"));
    assertEquals("0", headers.get("x-ratelimit-remaining"));
    assertEquals("40", headers.get("x-ratelimit-reset"));
    assertEquals("40", headers.get("retry-after"));
  }

  @Test
  void allowedDecisionHasNoRetryAfterAndRoundsResetUp() {
    TokenBucket bucket = new TokenBucket(requests(10, 1, Duration.ofMillis(1500)), clock);
    RateLimitDecision d = bucket.tryTake(1, 1);
    assertEquals(
        Map.of("x-ratelimit-limit", "10", "x-ratelimit-remaining", "9", "x-ratelimit-reset", "2"),
        d.headers());
  }

  @Test
  void retryAfterCoversSeveralFillsWhenMoreTokensAreNeeded() {
    TokenBucket bucket =
        new TokenBucket(
            new RateLimitSpec(100, 10, Duration.ofSeconds(1), RateLimitType.TOKENS), clock);
    bucket.tryTake(100, 1);
    RateLimitDecision refused = bucket.tryTake(25, 25);
    assertFalse(refused.allowed());
    assertEquals(Duration.ofSeconds(3).toNanos(), refused.retryAfterNanos());
  }

  @Test
  void amendNeverGoesBelowZeroAndTheOverageHitsTheNextRequest() {
    TokenBucket bucket =
        new TokenBucket(
            new RateLimitSpec(100, 50, Duration.ofMinutes(1), RateLimitType.TOKENS), clock);
    assertTrue(bucket.tryTake(0, 1).allowed()); // admitted while any token is left
    bucket.amend(250);
    assertEquals(0, bucket.available());
    assertFalse(bucket.tryTake(0, 1).allowed());
    clock.advance(Duration.ofMinutes(1));
    assertEquals(50, bucket.available()); // the debt was not carried: the floor is zero
    assertTrue(bucket.tryTake(0, 1).allowed());
  }

  @Test
  void negativeAmendReturnsTokensUpToCapacity() {
    TokenBucket bucket =
        new TokenBucket(
            new RateLimitSpec(100, 1, Duration.ofMinutes(1), RateLimitType.TOKENS), clock);
    bucket.tryTake(60, 60);
    bucket.amend(-20);
    assertEquals(60, bucket.available());
    bucket.amend(-500);
    assertEquals(100, bucket.available());
  }

  @Test
  void concurrentTakersAdmitExactlyTheCapacity() throws Exception {
    TokenBucket bucket = new TokenBucket(requests(500, 1, Duration.ofHours(1)), clock);
    AtomicInteger admitted = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    List<Future<?>> futures = new ArrayList<>();
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int t = 0; t < 2000; t++) {
        futures.add(
            executor.submit(
                () -> {
                  start.await();
                  if (bucket.tryTake(1, 1).allowed()) {
                    admitted.incrementAndGet();
                  }
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : futures) {
        f.get();
      }
    }
    assertEquals(500, admitted.get());
    assertEquals(0, bucket.available());
  }

  @Test
  void concurrentAmendsNeverDriveTheBucketNegative() throws Exception {
    TokenBucket bucket =
        new TokenBucket(
            new RateLimitSpec(1000, 1, Duration.ofHours(1), RateLimitType.TOKENS), clock);
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int t = 0; t < 500; t++) {
        executor.submit(() -> bucket.amend(7));
      }
    }
    assertEquals(0, bucket.available());
  }

  @Test
  void rejectsSpecsThatCouldNeverAdmitOrRefill() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new RateLimitSpec(0, 1, Duration.ofSeconds(1), RateLimitType.REQUESTS));
    assertThrows(
        IllegalArgumentException.class,
        () -> new RateLimitSpec(1, 0, Duration.ofSeconds(1), RateLimitType.REQUESTS));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new RateLimitSpec(1, 1, Duration.ZERO, RateLimitType.REQUESTS));
    assertTrue(e.getMessage().startsWith("fillInterval"));
    assertEquals(RateLimitType.TOKENS, RateLimitType.fromConfig("tokens"));
    assertThrows(IllegalArgumentException.class, () -> RateLimitType.fromConfig("bytes"));
  }
}
