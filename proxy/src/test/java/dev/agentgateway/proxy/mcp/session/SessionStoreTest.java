package dev.agentgateway.proxy.mcp.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SessionStoreTest {
  private static final Duration TTL = Duration.ofMinutes(30);

  private final AtomicLong nanos = new AtomicLong(1_000);
  private final List<String> closed = new CopyOnWriteArrayList<>();
  private final SessionStore<String> store = new SessionStore<>(TTL, nanos::get, closed::add);

  private void advance(Duration d) {
    nanos.addAndGet(d.toNanos());
  }

  @Test
  void findsAStoredSessionUntilItIdlesPastTheTtl() {
    store.putIfAbsent("id", "live");
    advance(TTL);
    assertEquals(Optional.of("live"), store.get("id"));
    advance(TTL.plusNanos(1));
    assertEquals(Optional.empty(), store.get("id"));
    assertEquals(List.of("live"), closed);
    assertEquals(0, store.size());
  }

  @Test
  void useKeepsASessionAlive() {
    store.putIfAbsent("id", "live");
    for (int i = 0; i < 5; i++) {
      advance(TTL.minusMinutes(1));
      assertTrue(store.get("id").isPresent());
    }
    assertEquals(0, store.reapExpired());
    assertEquals(List.of(), closed);
  }

  @Test
  void reapingClosesOnlyIdleSessions() {
    store.putIfAbsent("old", "old-session");
    advance(Duration.ofMinutes(20));
    store.putIfAbsent("new", "new-session");
    advance(Duration.ofMinutes(11));
    assertEquals(1, store.reapExpired());
    assertEquals(List.of("old-session"), closed);
    assertEquals(Optional.of("new-session"), store.get("new"));
    assertEquals(1, store.size());
  }

  @Test
  void aLeasedSessionIsNotReapedAndIdlesFromItsRelease() {
    store.putIfAbsent("id", "streaming");
    SessionStore.Lease<String> lease = store.acquire("id").orElseThrow();
    assertEquals("streaming", lease.session());
    advance(TTL.multipliedBy(3));
    assertEquals(0, store.reapExpired());
    lease.close();
    lease.close();
    advance(TTL.minusSeconds(1));
    assertEquals(0, store.reapExpired());
    advance(Duration.ofSeconds(2));
    assertEquals(1, store.reapExpired());
    assertEquals(List.of("streaming"), closed);
  }

  @Test
  void removeClosesTheSessionOnce() {
    store.putIfAbsent("id", "s");
    assertTrue(store.remove("id"));
    assertFalse(store.remove("id"));
    assertEquals(List.of("s"), closed);
    assertEquals(Optional.empty(), store.get("id"));
  }

  @Test
  void releasingALeaseAfterRemovalDoesNotResurrectTheSession() {
    store.putIfAbsent("id", "s");
    SessionStore.Lease<String> lease = store.acquire("id").orElseThrow();
    store.remove("id");
    lease.close();
    assertEquals(Optional.empty(), store.get("id"));
    assertEquals(List.of("s"), closed);
  }

  @Test
  void theLoserOfAResumeRaceIsClosedAndTheWinnerKept() {
    assertEquals("first", store.putIfAbsent("id", "first"));
    assertEquals("first", store.putIfAbsent("id", "second"));
    assertEquals(List.of("second"), closed);
    assertEquals(Optional.of("first"), store.get("id"));
  }

  @Test
  void anExpiredSessionIsReplacedByANewOne() {
    store.putIfAbsent("id", "stale");
    advance(TTL.plusSeconds(1));
    assertEquals("fresh", store.putIfAbsent("id", "fresh"));
    assertEquals(List.of("stale"), closed);
  }

  @Test
  void closeClosesEverySessionAndRefusesNewOnes() {
    store.putIfAbsent("a", "sa");
    store.putIfAbsent("b", "sb");
    store.close();
    assertEquals(2, closed.size());
    assertTrue(closed.containsAll(List.of("sa", "sb")));
    assertThrows(IllegalStateException.class, () -> store.putIfAbsent("c", "sc"));
    assertTrue(closed.contains("sc"), "a session offered to a closed store is closed");
    store.close();
    assertEquals(3, closed.size());
  }

  @Test
  void aFailingCloseCallbackDoesNotStopTheOthers() {
    List<String> seen = new CopyOnWriteArrayList<>();
    SessionStore<String> failing =
        new SessionStore<>(
            TTL,
            nanos::get,
            s -> {
              seen.add(s);
              throw new IllegalStateException("boom");
            });
    failing.putIfAbsent("a", "sa");
    failing.putIfAbsent("b", "sb");
    failing.close();
    assertEquals(2, seen.size());
  }

  @Test
  void theReaperThreadClosesIdleSessions() throws Exception {
    CountDownLatch reaped = new CountDownLatch(1);
    try (SessionStore<String> timed =
        new SessionStore<>(TTL, nanos::get, s -> reaped.countDown())) {
      timed.putIfAbsent("id", "s");
      advance(TTL.plusSeconds(1));
      timed.startReaper(Duration.ofMillis(5));
      assertTrue(reaped.await(10, TimeUnit.SECONDS), "the reaper ran");
      assertEquals(0, timed.size());
      assertThrows(IllegalStateException.class, () -> timed.startReaper(Duration.ofMillis(5)));
    }
  }

  @Test
  void concurrentResumesOfOneIdKeepOneSessionAndCloseTheRest() throws Exception {
    int racers = 64;
    CountDownLatch start = new CountDownLatch(1);
    List<String> winners = new CopyOnWriteArrayList<>();
    try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < racers; i++) {
        String mine = "session-" + i;
        threads.submit(
            () -> {
              start.await();
              winners.add(store.putIfAbsent("id", mine));
              return null;
            });
      }
      start.countDown();
    }
    assertEquals(racers, winners.size());
    String kept = store.get("id").orElseThrow();
    assertTrue(winners.stream().allMatch(kept::equals), "every racer got the kept session");
    assertEquals(racers - 1, closed.size());
    assertFalse(closed.contains(kept));
  }

  @Test
  void refusesANonPositiveTtl() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new SessionStore<String>(Duration.ZERO, nanos::get, s -> {}));
  }

  @Test
  void storesAreIndependent() {
    SessionStore<String> other = new SessionStore<>(TTL, nanos::get, s -> {});
    store.putIfAbsent("id", "mine");
    assertEquals(Optional.empty(), other.get("id"));
    assertSame("mine", store.get("id").orElseThrow());
  }
}
