package dev.agentgateway.proxy.endpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.HealthPolicy;
import dev.agentgateway.model.ir.ServiceEndpoints;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Outlier eviction of Service endpoints, on explicit clock values. */
class EndpointEvictionTest {
  private static final long SECOND = 1_000_000_000L;
  private static final HealthPolicy.Eviction AT_ONCE =
      new HealthPolicy.Eviction(Duration.ofSeconds(10), null, null, null);

  private static EndpointSet set(int count) {
    List<ServiceEndpoints.Endpoint> list =
        java.util.stream.IntStream.range(0, count)
            .mapToObj(i -> new ServiceEndpoints.Endpoint("10.0.0." + (i + 1), 8080))
            .toList();
    return EndpointSet.of(new ServiceEndpoints("shop", "cart", 80, list));
  }

  @Test
  void evictionTimeGrowsWithEachEvictionInARowAndASuccessResetsIt() {
    UpstreamEndpoint e = set(1).get(0);
    long t = 1000 * SECOND;
    assertTrue(e.record(true, AT_ONCE, t));
    assertTrue(e.evicted(t + 9 * SECOND));
    assertFalse(e.evicted(t + 10 * SECOND));

    t += 10 * SECOND;
    assertTrue(e.record(true, AT_ONCE, t), "evicted again on return");
    assertTrue(e.evicted(t + 19 * SECOND), "twice the duration the second time");
    assertFalse(e.evicted(t + 20 * SECOND));

    t += 20 * SECOND;
    assertFalse(e.record(false, AT_ONCE, t));
    assertTrue(e.record(true, AT_ONCE, t + 1));
    assertFalse(e.evicted(t + 1 + 10 * SECOND), "a success reset the count: back to 10s");
  }

  @Test
  void consecutiveFailuresMustComeInARow() {
    HealthPolicy.Eviction three = new HealthPolicy.Eviction(Duration.ofSeconds(5), 3, null, null);
    UpstreamEndpoint e = set(1).get(0);
    assertFalse(e.record(true, three, 1));
    assertFalse(e.record(true, three, 2));
    assertFalse(e.record(false, three, 3));
    assertFalse(e.record(true, three, 4));
    assertFalse(e.record(true, three, 5));
    assertTrue(e.record(true, three, 6));
  }

  @Test
  void healthThresholdEvictsWhenTheScoreFallsBelowItAndRestoreHealthSetsTheReturnScore() {
    HealthPolicy.Eviction half = new HealthPolicy.Eviction(Duration.ofSeconds(1), null, 0.5, 0.9);
    UpstreamEndpoint e = set(1).get(0);
    assertFalse(e.record(true, half, 1), "1 -> 0.7");
    assertTrue(e.record(true, half, 2), "0.7 -> 0.49 < 0.5");
    long back = 2 + SECOND;
    assertFalse(e.record(false, half, back));
    // Restored to 0.9 on return, then the healthy outcome: 0.3 + 0.7 * 0.9.
    assertEquals(0.93, e.health(), 1e-9);
  }

  @Test
  void withoutEvictionOnlyTheScoreMoves() {
    UpstreamEndpoint e = set(1).get(0);
    assertFalse(e.record(true, null, 1));
    assertFalse(e.evicted(2));
    assertEquals(0.7, e.health(), 1e-9);
  }

  @Test
  void pickPassesOverEvictedEndpointsAndFallsBackWhenAllAre() {
    EndpointSet set = set(3);
    long now = System.nanoTime();
    HealthPolicy.Eviction hour = new HealthPolicy.Eviction(Duration.ofHours(1), null, null, null);
    set.get(0).record(true, hour, now);
    set.get(1).record(true, hour, now);
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 200; i++) {
      assertSame(set.get(2), set.pick(random, null));
    }
    set.get(2).record(true, hour, now);
    boolean[] seen = new boolean[3];
    for (int i = 0; i < 200; i++) {
      UpstreamEndpoint picked = set.pick(random, null);
      seen[picked.index()] = true;
    }
    assertTrue(seen[0] && seen[1] && seen[2], "all evicted: every one is still a fallback");
  }
}
