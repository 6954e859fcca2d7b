package dev.agentgateway.proxy.llm.gateway;

import dev.agentgateway.model.ir.AiProvider;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.proxy.llm.failover.Eviction;
import dev.agentgateway.proxy.llm.failover.ProviderPool;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * One {@link ProviderPool} per AI backend, so providers' health and latency outlive a request.
 * Keyed weakly by the backend: a config reload that keeps the backend keeps its pool, and a dropped
 * backend's pool goes with it.
 */
public final class ProviderPools {
  private final Map<Backend.Ai, ProviderPool<AiProvider>> pools = new WeakHashMap<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Eviction eviction;
  private final LongSupplier nanoTime;

  public ProviderPools(Eviction eviction, LongSupplier nanoTime) {
    this.eviction = eviction;
    this.nanoTime = nanoTime;
  }

  /** The pool over {@code backend}'s priority groups. */
  public ProviderPool<AiProvider> pool(Backend.Ai backend) {
    lock.lock();
    try {
      return pools.computeIfAbsent(
          backend, b -> new ProviderPool<>(b.groups(), eviction, nanoTime, null));
    } finally {
      lock.unlock();
    }
  }
}
