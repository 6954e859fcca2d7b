package dev.agentgateway.proxy.frontend;

import dev.agentgateway.model.ir.AccessLogPolicy;
import dev.agentgateway.model.ir.Bind;
import dev.agentgateway.model.ir.FrontendPolicies;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.model.ir.TracingConfig;
import dev.agentgateway.proxy.policy.cel.CelEngine;
import dev.agentgateway.proxy.telemetry.AccessLog;
import dev.agentgateway.proxy.telemetry.AccessLogRules;
import dev.agentgateway.proxy.telemetry.trace.Tracing;
import java.time.Duration;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The access log and tracing of each bind: a frontend policy's {@code accessLog} / {@code tracing}
 * where one reaches the bind, else the static {@code config.logging} / {@code config.tracing}.
 * Recompiled on every config change without a restart; a part that does not compile keeps the
 * bind's previous one (expressions are checked at load, so this is a last line of defence). One
 * OTLP exporter serves every bind with an equal tracing policy; an exporter no bind uses any more
 * is flushed and closed.
 */
public final class FrontendTelemetry implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(FrontendTelemetry.class.getName());
  private static final Duration FLUSH_TIMEOUT = Duration.ofSeconds(5);

  /** What one bind logs and traces with. */
  public record Bound(AccessLog accessLog, Tracing tracing) {
    public Bound {
      Objects.requireNonNull(accessLog, "accessLog");
    }
  }

  private final Bound defaults;
  private final Supplier<CelEngine> engine;
  private final String version;
  private final ReentrantLock lock = new ReentrantLock();
  private final Map<AccessLogPolicy, AccessLog> logs = new HashMap<>();
  private final Map<TracingConfig, Tracing> tracers = new HashMap<>();
  private volatile Map<String, Bound> byBind = Map.of();

  /**
   * @param defaults the static config's access log and tracing (tracing null when off); the caller
   *     owns and closes the default tracing
   * @param engine compiles the policies' expressions
   * @param version the proxy version, for the spans' resource
   */
  public FrontendTelemetry(Bound defaults, Supplier<CelEngine> engine, String version) {
    this.defaults = Objects.requireNonNull(defaults, "defaults");
    this.engine = Objects.requireNonNull(engine, "engine");
    this.version = Objects.requireNonNull(version, "version");
  }

  /** What the bind {@code bindKey} logs and traces with now. */
  public Bound of(String bindKey) {
    return byBind.getOrDefault(bindKey, defaults);
  }

  /** Resolves every bind of {@code config} again; meant for start-up and each state change. */
  public void update(GatewayConfig config) {
    List<Tracing> unused;
    lock.lock();
    try {
      FrontendIndex index = FrontendIndex.of(config);
      Map<String, Bound> next = new HashMap<>();
      for (Bind bind : config.binds()) {
        FrontendPolicies f = index.bind(bind.key());
        Bound previous = byBind.getOrDefault(bind.key(), defaults);
        next.put(
            bind.key(),
            new Bound(
                accessLog(bind, f.accessLog(), previous), tracing(bind, f.tracing(), previous)));
      }
      byBind = Map.copyOf(next);
      Set<Object> used = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
      next.values().forEach(b -> used.add(b.tracing()));
      next.values().forEach(b -> used.add(b.accessLog()));
      unused = tracers.values().stream().filter(t -> !used.contains(t)).toList();
      tracers.values().removeIf(t -> !used.contains(t));
      logs.values().removeIf(l -> !used.contains(l));
    } finally {
      lock.unlock();
    }
    for (Tracing t : unused) {
      // Flushing may wait for the collector; a config change must not.
      Thread.ofVirtual().name("tracing-close").start(() -> t.shutdown(FLUSH_TIMEOUT));
    }
  }

  private AccessLog accessLog(Bind bind, AccessLogPolicy policy, Bound previous) {
    if (policy == null) {
      return defaults.accessLog();
    }
    AccessLog log = logs.get(policy);
    if (log != null) {
      return log;
    }
    try {
      log = new AccessLog(AccessLogRules.compile(policy.filter(), policy.fields(), engine));
      logs.put(policy, log);
      return log;
    } catch (IllegalArgumentException e) {
      LOG.log(
          Level.WARNING,
          bind.key()
              + ": frontend accessLog does not compile; keeping the previous one: "
              + e.getMessage());
      return previous.accessLog();
    }
  }

  private Tracing tracing(Bind bind, TracingConfig policy, Bound previous) {
    if (policy == null) {
      return defaults.tracing();
    }
    Tracing tracing = tracers.get(policy);
    if (tracing != null) {
      return tracing;
    }
    try {
      tracing = Tracing.create(policy, engine, version);
      tracers.put(policy, tracing);
      return tracing;
    } catch (IllegalArgumentException e) {
      LOG.log(
          Level.WARNING,
          bind.key()
              + ": frontend tracing does not compile; keeping the previous one: "
              + e.getMessage());
      return previous.tracing();
    }
  }

  /** Flushes and closes every policy's exporter (not the static config's). */
  @Override
  public void close() {
    List<Tracing> all;
    lock.lock();
    try {
      all = List.copyOf(tracers.values());
      tracers.clear();
      byBind = Map.of();
    } finally {
      lock.unlock();
    }
    all.forEach(t -> t.shutdown(FLUSH_TIMEOUT));
  }
}
