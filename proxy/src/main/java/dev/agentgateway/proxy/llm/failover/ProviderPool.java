package dev.agentgateway.proxy.llm.failover;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * Providers in priority groups (upstream's {@code ai.groups[]}, or a virtual model's failover
 * priorities). {@link #pick} serves from the first group with a member in rotation, choosing by
 * power of two choices on a score of health and latency (both EWMAs, α = 0.3, upstream's {@code
 * health / (1 + latency × (1 + 0.1 × pending))}); {@link #record} feeds the outcome back and evicts
 * a failing member. When a whole group is evicted the next one takes over; when every group is, the
 * member due back soonest serves, as upstream uses evicted endpoints only as a fallback.
 *
 * <p>Thread-safe and lock-free. Every {@code pick} should be followed by one {@code record} for the
 * same member, which also ends its count of requests in flight.
 *
 * @param <P> the provider handle; its {@code equals} identifies a member
 */
public final class ProviderPool<P> {
  private static final double ALPHA = 0.3;

  private final List<List<Member<P>>> groups;
  private final Map<P, Member<P>> members;
  private final Eviction eviction;
  private final LongSupplier nanoTime;
  private final RandomGenerator random;

  /**
   * A pool with every member healthy.
   *
   * @param groups providers by priority, most preferred first; none empty, no provider twice
   * @param nanoTime monotonic clock ({@code System::nanoTime} in production)
   * @param random choices; {@code null} for {@link ThreadLocalRandom} (a shared one must be
   *     thread-safe)
   */
  public ProviderPool(
      List<List<P>> groups, Eviction eviction, LongSupplier nanoTime, RandomGenerator random) {
    if (groups.isEmpty()) {
      throw new IllegalArgumentException("groups: at least one group is required");
    }
    Map<P, Member<P>> byProvider = new HashMap<>();
    List<List<Member<P>>> built = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      if (groups.get(g).isEmpty()) {
        throw new IllegalArgumentException("groups[" + g + "]: at least one provider is required");
      }
      List<Member<P>> group = new ArrayList<>();
      for (P provider : groups.get(g)) {
        Member<P> member = new Member<>(provider);
        if (byProvider.putIfAbsent(provider, member) != null) {
          throw new IllegalArgumentException("groups[" + g + "]: " + provider + " is listed twice");
        }
        group.add(member);
      }
      built.add(List.copyOf(group));
    }
    this.groups = List.copyOf(built);
    this.members = Map.copyOf(byProvider);
    this.eviction = eviction;
    this.nanoTime = nanoTime;
    this.random = random;
  }

  /** Picks a provider for a first try. */
  public Optional<P> pick() {
    return pick(Set.of());
  }

  /**
   * Picks a provider other than those in {@code excluding} (the ones a request already tried), so a
   * retry goes elsewhere.
   *
   * @return empty only when every provider is excluded
   */
  public Optional<P> pick(Collection<P> excluding) {
    long now = nanoTime.getAsLong();
    List<Member<P>> candidates = new ArrayList<>();
    for (List<Member<P>> group : groups) {
      for (Member<P> m : group) {
        if (!excluding.contains(m.provider) && !m.state.get().evictedAt(now)) {
          candidates.add(m);
        }
      }
      if (!candidates.isEmpty()) {
        return Optional.of(choose(candidates).start());
      }
    }
    Member<P> soonest = null;
    for (List<Member<P>> group : groups) {
      for (Member<P> m : group) {
        if (!excluding.contains(m.provider)
            && (soonest == null || m.state.get().evictedUntil < soonest.state.get().evictedUntil)) {
          soonest = m;
        }
      }
    }
    return soonest == null ? Optional.empty() : Optional.of(soonest.start());
  }

  /** Records how a call to {@code provider} ended, with no rate-limit hint. */
  public void record(P provider, Outcome outcome, Duration latency) {
    record(provider, outcome, latency, null);
  }

  /**
   * Records how a call to {@code provider} ended: updates its health and latency and, on a failure,
   * may evict it.
   *
   * @param latency time to the answer (or to the failure)
   * @param retryAfter the provider's own hint (see {@link RetryAfter}), or {@code null}; it sets
   *     the eviction time of a failure instead of the backoff
   */
  public void record(P provider, Outcome outcome, Duration latency, Duration retryAfter) {
    Member<P> member = members.get(provider);
    if (member == null) {
      throw new IllegalArgumentException("not a member of this pool: " + provider);
    }
    member.pending.updateAndGet(n -> Math.max(0, n - 1));
    long now = nanoTime.getAsLong();
    double seconds = latency.toNanos() / 1e9;
    member.state.updateAndGet(s -> s.after(outcome, seconds, retryAfter, now, eviction));
  }

  /** Whether {@code provider} is out of rotation now. */
  public boolean isEvicted(P provider) {
    return members.get(provider).state.get().evictedAt(nanoTime.getAsLong());
  }

  /** {@code provider}'s current score (higher is better), for tests and debugging. */
  public double score(P provider) {
    Member<P> m = members.get(provider);
    return m.state.get().score(m.pending.get());
  }

  private Member<P> choose(List<Member<P>> candidates) {
    int n = candidates.size();
    if (n == 1) {
      return candidates.get(0);
    }
    RandomGenerator r = random != null ? random : ThreadLocalRandom.current();
    int a = r.nextInt(n);
    int b = r.nextInt(n - 1);
    if (b >= a) {
      b++;
    }
    Member<P> first = candidates.get(a);
    Member<P> second = candidates.get(b);
    return second.score() > first.score() ? second : first;
  }

  private static final class Member<P> {
    final P provider;
    final AtomicReference<Health> state = new AtomicReference<>(Health.INITIAL);
    final AtomicInteger pending = new AtomicInteger();

    Member(P provider) {
      this.provider = provider;
    }

    P start() {
      pending.incrementAndGet();
      return provider;
    }

    double score() {
      return state.get().score(pending.get());
    }
  }

  /** One member's health, replaced whole on every record. */
  private record Health(
      double health,
      double latency,
      boolean measured,
      int failuresInARow,
      int timesEvicted,
      long evictedUntil,
      boolean evicted) {
    static final Health INITIAL = new Health(1, 0, false, 0, 0, 0, false);

    boolean evictedAt(long now) {
      return evicted && now - evictedUntil < 0;
    }

    double score(int pending) {
      return health / (1 + latency * (1 + 0.1 * pending));
    }

    Health after(Outcome outcome, double seconds, Duration hint, long now, Eviction policy) {
      double lat = measured ? latency + ALPHA * (seconds - latency) : seconds;
      boolean failed = outcome.isFailure();
      double h = health + ALPHA * ((failed ? 0 : 1) - health);
      if (!failed) {
        return new Health(h, lat, true, 0, 0, evictedUntil, evictedAt(now) && evicted);
      }
      int inARow = failuresInARow + 1;
      if (evictedAt(now)) {
        // A late failure of a call made before the eviction: a longer hint may extend it, but it
        // is not a new eviction, so the backoff does not grow.
        long until =
            hint == null ? evictedUntil : later(evictedUntil, now + cap(hint, policy).toNanos());
        return new Health(h, lat, true, inARow, timesEvicted, until, true);
      }
      // A 429 evicts at once: the provider said to stop, whether or not it said for how long.
      if (inARow < policy.consecutiveFailures()
          && hint == null
          && outcome != Outcome.RATE_LIMITED) {
        return new Health(h, lat, true, inARow, timesEvicted, evictedUntil, false);
      }
      Duration out = hint != null ? cap(hint, policy) : backoff(timesEvicted, policy);
      return new Health(
          policy.restoreHealth(), lat, true, 0, timesEvicted + 1, now + out.toNanos(), true);
    }

    private static long later(long a, long b) {
      return b - a > 0 ? b : a;
    }

    private static Duration backoff(int previousEvictions, Eviction policy) {
      Duration d = policy.duration();
      for (int i = 0; i < previousEvictions && d.compareTo(policy.maxDuration()) < 0; i++) {
        d = d.multipliedBy(2);
      }
      return cap(d, policy);
    }

    private static Duration cap(Duration d, Eviction policy) {
      if (d.isNegative() || d.isZero()) {
        return policy.duration();
      }
      return d.compareTo(policy.maxDuration()) > 0 ? policy.maxDuration() : d;
    }
  }
}
