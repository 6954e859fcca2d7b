package dev.agentgateway.proxy.policy.ratelimit;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The live buckets, one {@link LocalRateLimiter} per key (a policy now, a policy plus descriptor
 * values later). Buckets outlive config snapshots: a reload that keeps a policy's specs keeps its
 * counts, so a reload is no way around a limit; changed specs start full buckets.
 */
public final class RateLimiters {
  /** What a limiter is keyed by: the policy's identity and, later, its descriptor values. */
  public record Key(String policy, List<String> descriptor) {
    /** Validates and copies. */
    public Key {
      Objects.requireNonNull(policy, "policy");
      descriptor = List.copyOf(descriptor);
    }

    /** A key for a whole policy, with no descriptor. */
    public static Key of(String policy) {
      return new Key(policy, List.of());
    }
  }

  private final ConcurrentHashMap<Key, LocalRateLimiter> limiters = new ConcurrentHashMap<>();
  private final LongSupplier nanoTime;

  /** An empty registry on the clock {@code nanoTime} ({@code System::nanoTime} in production). */
  public RateLimiters(LongSupplier nanoTime) {
    this.nanoTime = nanoTime;
  }

  /** The limiter for {@code key}, created (full) or replaced when its specs differ. */
  public LocalRateLimiter limiter(Key key, List<RateLimitSpec> specs) {
    LocalRateLimiter existing = limiters.get(key);
    if (existing != null && existing.specs().equals(specs)) {
      return existing;
    }
    return limiters.compute(
        key,
        (k, current) ->
            current != null && current.specs().equals(specs)
                ? current
                : new LocalRateLimiter(specs, nanoTime));
  }

  /** Drops limiters whose policy is gone (after a config swap). */
  public void retain(Set<String> livePolicies) {
    limiters.keySet().removeIf(k -> !livePolicies.contains(k.policy()));
  }

  /** The number of live limiters. */
  public int size() {
    return limiters.size();
  }
}
