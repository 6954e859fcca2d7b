package dev.agentgateway.proxy.policy.ratelimit;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * A thread-safe token bucket: {@code maxTokens} capacity, refilled by {@code tokensPerFill} at
 * every whole {@code fillInterval}. Lock-free: the state is one immutable value swapped by CAS, so
 * a take never blocks a virtual thread and never pins a carrier.
 */
public final class TokenBucket {
  /** The bucket's state at {@code fillNanos}, the clock reading of the last whole fill. */
  private record State(long tokens, long fillNanos) {}

  private final RateLimitSpec spec;
  private final long intervalNanos;
  private final LongSupplier nanoTime;
  private final AtomicReference<State> state;

  /**
   * A full bucket.
   *
   * @param nanoTime a monotonic clock in nanoseconds ({@code System::nanoTime} in production)
   */
  public TokenBucket(RateLimitSpec spec, LongSupplier nanoTime) {
    this.spec = spec;
    this.intervalNanos = spec.fillInterval().toNanos();
    this.nanoTime = nanoTime;
    this.state = new AtomicReference<>(new State(spec.maxTokens(), nanoTime.getAsLong()));
  }

  /** The spec this bucket was built from. */
  public RateLimitSpec spec() {
    return spec;
  }

  /**
   * Takes {@code cost} tokens when at least {@code required} are left; takes nothing otherwise.
   * Requests buckets pass 1 and 1; tokens buckets pass the up-front estimate (often 0) and 1, so a
   * request is admitted while any token is left and its real usage is {@link #amend amended}.
   */
  public RateLimitDecision tryTake(long cost, long required) {
    while (true) {
      long now = nanoTime.getAsLong();
      State current = state.get();
      State filled = refill(current, now);
      if (filled.tokens < required) {
        if (filled != current) {
          state.compareAndSet(current, filled); // keep the refill; harmless if another thread won
        }
        return decision(false, filled, now, required);
      }
      State taken = new State(filled.tokens - cost, filled.fillNanos);
      if (state.compareAndSet(current, taken)) {
        return decision(true, taken, now, required);
      }
    }
  }

  /**
   * Adjusts the bucket after the fact: a positive {@code tokens} takes them (never below 0, so an
   * overage falls on the next request instead of locking the caller out for long), a negative one
   * returns tokens (never above {@code maxTokens}), e.g. when an up-front estimate was too high.
   */
  public void amend(long tokens) {
    if (tokens == 0) {
      return;
    }
    while (true) {
      long now = nanoTime.getAsLong();
      State current = state.get();
      State filled = refill(current, now);
      long next =
          tokens > 0
              ? Math.max(0, filled.tokens - tokens)
              : Math.min(spec.maxTokens(), saturatedAdd(filled.tokens, -tokens));
      if (state.compareAndSet(current, new State(next, filled.fillNanos))) {
        return;
      }
    }
  }

  /** The tokens left now (after any fills that are due). */
  public long available() {
    return refill(state.get(), nanoTime.getAsLong()).tokens;
  }

  /** The current state as a decision, without taking anything (for headers on amended paths). */
  public RateLimitDecision peek() {
    long now = nanoTime.getAsLong();
    State filled = refill(state.get(), now);
    return decision(filled.tokens >= 1, filled, now, 1);
  }

  private State refill(State current, long now) {
    if (current.tokens >= spec.maxTokens()) {
      // A full bucket gains nothing from time, so its fill phase starts at the first take: that
      // token comes back one whole interval later, however long the bucket sat idle.
      return current.fillNanos == now ? current : new State(current.tokens, now);
    }
    long elapsed = now - current.fillNanos;
    if (elapsed < intervalNanos) {
      return current;
    }
    long fills = elapsed / intervalNanos;
    long added =
        fills > Long.MAX_VALUE / spec.tokensPerFill()
            ? Long.MAX_VALUE
            : fills * spec.tokensPerFill();
    long tokens = Math.min(spec.maxTokens(), saturatedAdd(current.tokens, added));
    return new State(tokens, current.fillNanos + fills * intervalNanos);
  }

  private RateLimitDecision decision(boolean allowed, State s, long now, long required) {
    long toNextFill = s.tokens >= spec.maxTokens() ? 0 : s.fillNanos + intervalNanos - now;
    long retryAfter = 0;
    if (!allowed) {
      // Whole fills needed before `required` tokens are back (at least one).
      long missing = Math.max(1, required - s.tokens);
      long fills = (missing + spec.tokensPerFill() - 1) / spec.tokensPerFill();
      retryAfter = toNextFill + (fills - 1) * intervalNanos;
    }
    return new RateLimitDecision(
        allowed, spec.maxTokens(), Math.max(0, s.tokens), toNextFill, retryAfter);
  }

  private static long saturatedAdd(long a, long b) {
    long sum = a + b;
    return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
  }
}
