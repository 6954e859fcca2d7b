package dev.agentgateway.proxy.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.RouteBackend;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WeightedBackendsTest {

  private static RouteBackend backend(String name, int weight) {
    return new RouteBackend(new Backend.Host(name, 80), weight);
  }

  private static Map<String, Integer> draw(WeightedBackends backends, int draws) {
    SplittableRandom random = new SplittableRandom(7);
    Map<String, Integer> counts = new HashMap<>();
    for (int i = 0; i < draws; i++) {
      counts.merge(((Backend.Host) backends.pick(random).backend()).hostname(), 1, Integer::sum);
    }
    return counts;
  }

  @Test
  void zeroWeightBackendsAreNeverPicked() {
    WeightedBackends backends =
        WeightedBackends.of(List.of(backend("off-1", 0), backend("on", 5), backend("off-2", 0)));

    assertEquals(Map.of("on", 100_000), draw(backends, 100_000));
    assertEquals(3, backends.size());
  }

  @Test
  void allZeroWeightsPickNothing() {
    WeightedBackends backends = WeightedBackends.of(List.of(backend("a", 0), backend("b", 0)));

    assertNull(backends.pick(new SplittableRandom(1)));
    assertNull(WeightedBackends.of(List.of()).pick(new SplittableRandom(1)));
  }

  @Test
  void singleBackendIsAlwaysPicked() {
    RouteBackend only = backend("only", 3);

    assertSame(only, WeightedBackends.of(List.of(only)).pick(new SplittableRandom(1)));
  }

  @Test
  void picksFollowTheWeights() {
    WeightedBackends backends =
        WeightedBackends.of(List.of(backend("a", 1), backend("b", 3), backend("c", 6)));

    Map<String, Integer> counts = draw(backends, 100_000);

    // With 100k draws the standard error of each share is below 0.2 points; allow 1 point.
    assertEquals(0.10, counts.get("a") / 100_000.0, 0.01);
    assertEquals(0.30, counts.get("b") / 100_000.0, 0.01);
    assertEquals(0.60, counts.get("c") / 100_000.0, 0.01);
  }
}
