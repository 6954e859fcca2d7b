package dev.agentgateway.proxy.endpoints;

import dev.agentgateway.model.ir.ServiceEndpoints;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * The ready endpoints of one Service port in one state, and the choice among them: power of two
 * choices on requests in flight (two distinct endpoints drawn at random, the less busy one wins).
 * P2C needs no shared ordering between requests, so it stays cheap under contention, and it steers
 * away from a slow endpoint, whose requests pile up, without any health signal. Endpoints a {@code
 * health} policy evicted are passed over while another one is available, and used only as a
 * fallback when all are evicted.
 */
public final class EndpointSet {
  private final String service;
  private final String hostname;
  private final UpstreamEndpoint[] endpoints;
  // The latest end of any eviction (System.nanoTime()); 0 while none ever happened. Lets pick()
  // skip the eviction checks entirely in the common case.
  private final AtomicLong evictionsEnd = new AtomicLong();

  private EndpointSet(ServiceEndpoints source) {
    this.service = source.service().name();
    // The default cluster domain; used when the client sent no Host, and by an `auto` rewrite.
    this.hostname =
        source.name() + "." + source.namespace() + ".svc.cluster.local:" + source.port();
    List<ServiceEndpoints.Endpoint> list = source.endpoints();
    this.endpoints = new UpstreamEndpoint[list.size()];
    for (int i = 0; i < endpoints.length; i++) {
      endpoints[i] = new UpstreamEndpoint(this, i, list.get(i).address(), list.get(i).port());
    }
  }

  /** Compiles the endpoints of one Service port. */
  public static EndpointSet of(ServiceEndpoints source) {
    return new EndpointSet(source);
  }

  /** The Service port's name, {@code <namespace>/<name>:<port>}, for logs and metrics. */
  public String service() {
    return service;
  }

  /** The Service's in-cluster authority, {@code <name>.<namespace>.svc.cluster.local:<port>}. */
  public String hostname() {
    return hostname;
  }

  /** The number of ready endpoints. */
  public int size() {
    return endpoints.length;
  }

  /** The endpoint at {@code index}, in the order the resource listed them. */
  public UpstreamEndpoint get(int index) {
    return endpoints[index];
  }

  /**
   * Picks an endpoint for one try.
   *
   * @param avoid the endpoint a previous try of the same request used, or {@code null}; another one
   *     is chosen whenever there is one
   * @return the chosen endpoint, or {@code null} when there are none
   */
  public UpstreamEndpoint pick(RandomGenerator random, UpstreamEndpoint avoid) {
    int n = endpoints.length;
    if (n <= 1) {
      return n == 0 ? null : endpoints[0];
    }
    int skip = avoid != null && avoid.set() == this ? avoid.index() : -1;
    int candidates = skip < 0 ? n : n - 1;
    if (candidates == 1) {
      // Two endpoints, one to avoid: the other, unless it is evicted and the avoided one is not.
      UpstreamEndpoint other = endpoints[skip == 0 ? 1 : 0];
      long now = System.nanoTime();
      return evictionsEnd.get() != 0 && other.evicted(now) && !endpoints[skip].evicted(now)
          ? endpoints[skip]
          : other;
    }
    int a = random.nextInt(candidates);
    int b = random.nextInt(candidates - 1);
    if (b >= a) {
      b++;
    }
    UpstreamEndpoint first = endpoints[skip >= 0 && a >= skip ? a + 1 : a];
    UpstreamEndpoint second = endpoints[skip >= 0 && b >= skip ? b + 1 : b];
    UpstreamEndpoint chosen = second.inFlight() < first.inFlight() ? second : first;
    long end = evictionsEnd.get();
    if (end == 0) {
      return chosen;
    }
    long now = System.nanoTime();
    if (end - now <= 0 || !chosen.evicted(now)) {
      return chosen;
    }
    UpstreamEndpoint other = chosen == first ? second : first;
    return other.evicted(now) ? healthy(random, skip, now, chosen) : other;
  }

  /** A random endpoint that is not evicted (nor {@code skip}), else {@code fallback}. */
  private UpstreamEndpoint healthy(
      RandomGenerator random, int skip, long now, UpstreamEndpoint fallback) {
    int n = endpoints.length;
    int start = random.nextInt(n);
    for (int i = 0; i < n; i++) {
      int index = (start + i) % n;
      if (index != skip && !endpoints[index].evicted(now)) {
        return endpoints[index];
      }
    }
    return fallback;
  }

  void noteEviction(long until) {
    evictionsEnd.accumulateAndGet(until, (a, b) -> a == 0 || b - a > 0 ? b : a);
  }
}
