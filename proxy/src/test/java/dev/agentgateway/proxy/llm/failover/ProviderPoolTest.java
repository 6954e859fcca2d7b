package dev.agentgateway.proxy.llm.failover;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProviderPoolTest {
  private static final Duration FAST = Duration.ofMillis(100);
  private final AtomicLong nanos = new AtomicLong(5_000_000_000L);

  private void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  private ProviderPool<String> pool(List<List<String>> groups) {
    return new ProviderPool<>(groups, Eviction.DEFAULT, nanos::get, new Random(42));
  }

  private static String take(ProviderPool<String> pool) {
    return pool.pick().orElseThrow();
  }

  @Test
  void servesFromTheFirstGroupAndFailsOverWhenItIsAllEvicted() {
    ProviderPool<String> pool = pool(List.of(List.of("a1", "a2"), List.of("b1")));
    for (int i = 0; i < 50; i++) {
      String p = take(pool);
      assertTrue(p.startsWith("a"), p);
      pool.record(p, Outcome.SUCCESS, FAST);
    }
    pool.record(take(pool), Outcome.SERVER_ERROR, FAST);
    String other = take(pool);
    assertTrue(other.startsWith("a"), "one member of the group is still in rotation");
    pool.record(other, Outcome.CONNECTION_ERROR, FAST);
    assertEquals("b1", take(pool));
  }

  @Test
  void anEvictedMemberReturnsAfterItsEviction() {
    ProviderPool<String> pool = pool(List.of(List.of("a"), List.of("b")));
    pool.record(take(pool), Outcome.TIMEOUT, FAST);
    assertTrue(pool.isEvicted("a"));
    assertEquals("b", take(pool));
    advance(Duration.ofSeconds(9));
    assertEquals("b", take(pool));
    advance(Duration.ofSeconds(1));
    assertFalse(pool.isEvicted("a"));
    assertEquals("a", take(pool));
  }

  @Test
  void repeatedEvictionsBackOffExponentiallyUntilASuccess() {
    ProviderPool<String> pool = pool(List.of(List.of("a"), List.of("b")));
    Duration[] expected = {
      Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(40), Duration.ofSeconds(80)
    };
    for (Duration d : expected) {
      pool.record("a", Outcome.SERVER_ERROR, FAST);
      advance(d.minusMillis(1));
      assertTrue(pool.isEvicted("a"), "still out before " + d);
      advance(Duration.ofMillis(1));
      assertFalse(pool.isEvicted("a"), "back after " + d);
    }
    pool.record("a", Outcome.SUCCESS, FAST);
    pool.record("a", Outcome.SERVER_ERROR, FAST);
    advance(Duration.ofSeconds(10));
    assertFalse(pool.isEvicted("a"), "a success reset the backoff");
  }

  @Test
  void backoffIsCappedAtMaxDuration() {
    ProviderPool<String> pool = pool(List.of(List.of("a")));
    for (int i = 0; i < 12; i++) {
      pool.record("a", Outcome.SERVER_ERROR, FAST);
      advance(Duration.ofMinutes(5));
      assertFalse(pool.isEvicted("a"), "eviction " + i + " is at most 5 minutes");
    }
  }

  @Test
  void rateLimitWithRetryAfterEvictsForThatLong() {
    ProviderPool<String> pool = pool(List.of(List.of("a"), List.of("b")));
    pool.record("a", Outcome.RATE_LIMITED, FAST, Duration.ofSeconds(42));
    advance(Duration.ofSeconds(41));
    assertTrue(pool.isEvicted("a"));
    assertEquals("b", take(pool));
    advance(Duration.ofSeconds(1));
    assertFalse(pool.isEvicted("a"));
  }

  @Test
  void rateLimitWithoutHeadersStillEvictsForTheDefault() {
    Eviction patient = new Eviction(Duration.ofSeconds(10), Duration.ofMinutes(5), 3, 0.5);
    ProviderPool<String> pool =
        new ProviderPool<>(List.of(List.of("a"), List.of("b")), patient, nanos::get, new Random(1));
    pool.record("a", Outcome.SERVER_ERROR, FAST);
    assertFalse(pool.isEvicted("a"), "one 5xx of three allowed");
    pool.record("a", Outcome.RATE_LIMITED, FAST);
    assertTrue(pool.isEvicted("a"), "a 429 evicts at once, with or without Retry-After");
    assertEquals("b", take(pool));
    advance(Duration.ofSeconds(10));
    assertFalse(pool.isEvicted("a"));
  }

  @Test
  void aLateFailureDoesNotCompoundTheBackoff() {
    ProviderPool<String> pool = pool(List.of(List.of("a")));
    pool.record("a", Outcome.SERVER_ERROR, FAST);
    pool.record("a", Outcome.SERVER_ERROR, FAST); // a call made before the eviction ends late
    advance(Duration.ofSeconds(10));
    assertFalse(pool.isEvicted("a"));
    pool.record("a", Outcome.SERVER_ERROR, FAST);
    advance(Duration.ofSeconds(20));
    assertFalse(pool.isEvicted("a"), "second eviction: 20 s, not 40 s");
  }

  @Test
  void powerOfTwoChoicesPrefersTheFasterHealthierProvider() {
    // Failures lower health without evicting here, so only the score steers the choice.
    Eviction lenient = new Eviction(Duration.ofSeconds(10), Duration.ofMinutes(5), 10_000, 0.5);
    ProviderPool<String> pool =
        new ProviderPool<>(
            List.of(List.of("fast", "slow", "flaky")), lenient, nanos::get, new Random(7));
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < 3000; i++) {
      String p = take(pool);
      counts.merge(p, 1, Integer::sum);
      Outcome outcome = p.equals("flaky") ? Outcome.SERVER_ERROR : Outcome.SUCCESS;
      pool.record(p, outcome, p.equals("slow") ? Duration.ofSeconds(5) : Duration.ofMillis(200));
    }
    assertTrue(pool.score("fast") > pool.score("slow"));
    assertTrue(pool.score("slow") > pool.score("flaky"));
    // With three members P2C never serves the worse of a drawn pair: the best is in two of the
    // three pairs, so it takes about two thirds of the picks, and the worst next to none.
    int fast = counts.getOrDefault("fast", 0);
    int slow = counts.getOrDefault("slow", 0);
    int flaky = counts.getOrDefault("flaky", 0);
    assertTrue(fast > 1800, counts.toString());
    assertTrue(slow > flaky, counts.toString());
    assertTrue(flaky < 100, counts.toString());
  }

  @Test
  void clientErrorsDoNotCountAgainstAProvider() {
    ProviderPool<String> pool = pool(List.of(List.of("a"), List.of("b")));
    pool.record("a", Outcome.CLIENT_ERROR, FAST);
    assertFalse(pool.isEvicted("a"));
    assertEquals(1 / (1 + 0.1), pool.score("a"), 1e-9); // full health, 100 ms latency
  }

  @Test
  void aRetryPicksADifferentProviderThanTheOneThatFailed() {
    ProviderPool<String> pool = pool(List.of(List.of("a", "b", "c"), List.of("d")));
    for (int i = 0; i < 100; i++) {
      String first = take(pool);
      String retry = pool.pick(Set.of(first)).orElseThrow();
      assertNotEquals(first, retry);
      assertTrue(!retry.equals("d"), "the group still has other members");
      pool.record(first, Outcome.SUCCESS, FAST);
      pool.record(retry, Outcome.SUCCESS, FAST);
    }
    assertEquals("d", pool.pick(Set.of("a", "b", "c")).orElseThrow());
    assertEquals(Optional.empty(), pool.pick(Set.of("a", "b", "c", "d")));
  }

  @Test
  void whenEverythingIsEvictedTheMemberDueBackSoonestServes() {
    ProviderPool<String> pool = pool(List.of(List.of("a"), List.of("b")));
    pool.record("a", Outcome.RATE_LIMITED, FAST, Duration.ofSeconds(60));
    pool.record("b", Outcome.RATE_LIMITED, FAST, Duration.ofSeconds(30));
    assertEquals("b", take(pool));
  }

  @Test
  void concurrentPicksAndRecordsKeepTheCountsConsistent() throws Exception {
    ProviderPool<String> pool =
        new ProviderPool<>(
            List.of(List.of("a", "b", "c"), List.of("d")), Eviction.DEFAULT, nanos::get, null);
    List<Future<String>> picks = new ArrayList<>();
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 4000; i++) {
        int n = i;
        picks.add(
            executor.submit(
                () -> {
                  String p = pool.pick().orElseThrow();
                  pool.record(p, n % 50 == 0 ? Outcome.SERVER_ERROR : Outcome.SUCCESS, FAST);
                  return p;
                }));
      }
      for (Future<String> f : picks) {
        assertTrue(Set.of("a", "b", "c", "d").contains(f.get()));
      }
    }
    for (String p : List.of("a", "b", "c", "d")) {
      double score = pool.score(p);
      assertTrue(score > 0 && score <= 1, p + " score " + score);
    }
  }

  @Test
  void refusesBadGroupsAndStrangers() {
    assertThrows(IllegalArgumentException.class, () -> pool(List.of()));
    assertThrows(IllegalArgumentException.class, () -> pool(List.of(List.of())));
    assertThrows(IllegalArgumentException.class, () -> pool(List.of(List.of("a"), List.of("a"))));
    assertThrows(
        IllegalArgumentException.class,
        () -> pool(List.of(List.of("a"))).record("z", Outcome.SUCCESS, FAST));
    assertEquals(Outcome.RATE_LIMITED, Outcome.ofStatus(429));
    assertEquals(Outcome.SERVER_ERROR, Outcome.ofStatus(503));
    assertEquals(Outcome.CLIENT_ERROR, Outcome.ofStatus(404));
    assertEquals(Outcome.SUCCESS, Outcome.ofStatus(200));
  }
}
