package dev.agentgateway.proxy.routing;

import dev.agentgateway.model.ir.RouteBackend;
import java.util.List;
import java.util.random.RandomGenerator;

/** A route's backends with cumulative weights, so a pick is one random draw and a short scan. */
public final class WeightedBackends {
  private final RouteBackend[] backends;
  private final long[] cumulative;
  private final long total;

  private WeightedBackends(RouteBackend[] backends, long[] cumulative, long total) {
    this.backends = backends;
    this.cumulative = cumulative;
    this.total = total;
  }

  /** Precomputes the weights of {@code backends}; zero-weight backends are never picked. */
  public static WeightedBackends of(List<RouteBackend> backends) {
    RouteBackend[] array = backends.toArray(RouteBackend[]::new);
    long[] cumulative = new long[array.length];
    long sum = 0;
    for (int i = 0; i < array.length; i++) {
      sum += array[i].weight();
      cumulative[i] = sum;
    }
    return new WeightedBackends(array, cumulative, sum);
  }

  /** One backend chosen with probability weight/total, or {@code null} if all weights are 0. */
  public RouteBackend pick(RandomGenerator random) {
    if (total == 0) {
      return null;
    }
    if (backends.length == 1) {
      return backends[0];
    }
    long draw = random.nextLong(total);
    for (int i = 0; i < cumulative.length; i++) {
      if (draw < cumulative[i]) {
        return backends[i];
      }
    }
    return backends[backends.length - 1];
  }

  /** The number of backends, including zero-weight ones. */
  public int size() {
    return backends.length;
  }
}
