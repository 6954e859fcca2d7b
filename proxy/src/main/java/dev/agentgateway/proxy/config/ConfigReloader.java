package dev.agentgateway.proxy.config;

import dev.agentgateway.model.config.ConfigError;
import dev.agentgateway.model.config.ConfigException;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.proxy.server.BindFailedException;
import dev.agentgateway.proxy.server.ListenerManager;
import dev.agentgateway.proxy.state.ProxyState;
import dev.agentgateway.proxy.state.StateHolder;
import dev.agentgateway.proxy.telemetry.ProxyMetrics;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Applies a changed config file: parse, compile, open any new ports, then swap the state atomically
 * (requests in flight finish on the snapshot they started with). A config that does not parse, does
 * not compile or needs a port that cannot be opened is rejected as a whole: the last good state
 * keeps serving and {@code agentgateway_config_synchronized} drops to 0.
 *
 * <p>The static {@code config:} section is read once at start: a change there is logged and not
 * applied until a restart.
 */
public final class ConfigReloader {
  private static final Logger LOG = Logger.getLogger(ConfigReloader.class.getName());

  /** Turns config text into a validated config. */
  @FunctionalInterface
  public interface Parser {
    /** Parses and validates {@code text}. */
    GatewayConfig parse(String text) throws ConfigException;
  }

  private final Parser parser;
  private final StateHolder state;
  private final ListenerManager listeners;
  private final ProxyMetrics metrics;
  private final ReentrantLock lock = new ReentrantLock();

  public ConfigReloader(
      Parser parser, StateHolder state, ListenerManager listeners, ProxyMetrics metrics) {
    this.parser = Objects.requireNonNull(parser, "parser");
    this.state = Objects.requireNonNull(state, "state");
    this.listeners = Objects.requireNonNull(listeners, "listeners");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  /** Applies {@code text}; true when it is now serving. */
  public boolean apply(String text) {
    lock.lock();
    try {
      ProxyState current = state.get();
      GatewayConfig next;
      try {
        next = parser.parse(text);
      } catch (ConfigException e) {
        reject(current, e.errors().size() + " error(s): " + join(e));
        return false;
      }
      return install(next).isEmpty();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Applies a validated config (the static {@code config:} section is kept): compile, open new
   * ports, swap. Empty when it is now serving, else why it was rejected (the last good state keeps
   * serving).
   */
  public Optional<String> install(GatewayConfig next) {
    lock.lock();
    try {
      ProxyState current = state.get();
      if (!next.config().equals(current.config().config())) {
        LOG.warning(
            "the config: section changed; static settings need a restart and were not applied");
        next =
            new GatewayConfig(
                current.config().config(),
                next.frontendHttp(),
                next.binds(),
                next.listeners(),
                next.routes(),
                next.policies(),
                next.endpoints());
      }
      ProxyState compiled;
      try {
        compiled = ProxyState.compile(next, current.version() + 1);
      } catch (RuntimeException e) {
        return reject(current, "cannot compile: " + e.getMessage());
      }
      try {
        listeners.open(next);
      } catch (BindFailedException e) {
        return reject(current, e.getMessage());
      }
      state.set(compiled);
      metrics.configSynchronized(true);
      LOG.info(
          "config reloaded (version "
              + compiled.version()
              + "): "
              + next.binds().size()
              + " binds, "
              + next.routes().size()
              + " routes");
      return Optional.empty();
    } finally {
      lock.unlock();
    }
  }

  private Optional<String> reject(ProxyState current, String why) {
    metrics.configSynchronized(false);
    LOG.warning("config reload rejected, still serving version " + current.version() + ": " + why);
    return Optional.of(why);
  }

  private static String join(ConfigException e) {
    return e.errors().stream().map(ConfigError::toString).collect(Collectors.joining("; "));
  }
}
