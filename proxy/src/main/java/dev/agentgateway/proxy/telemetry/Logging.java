package dev.agentgateway.proxy.telemetry;

import dev.agentgateway.model.ir.LoggingConfig;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.Logger;

/**
 * Process logging: one line handler with our formatter on the root logger, and levels from a
 * RUST_LOG-style filter. Helidon's own logging setup is switched off so it cannot replace ours.
 */
public final class Logging {
  /** Set before Helidon starts so that its JUL provider leaves the configuration alone. */
  static final String HELIDON_LOGGING_DISABLED = "io.helidon.logging.config.disabled";

  private static final Logger LOG = Logger.getLogger(Logging.class.getName());

  private final ReentrantLock lock = new ReentrantLock();
  // java.util.logging holds loggers weakly: keep the ones we configured, or their levels get lost.
  private final List<Logger> configured = new ArrayList<>();
  private String spec = "";

  private Logging() {}

  /**
   * Installs our handler on the root logger and applies {@code levelSpec}.
   *
   * @param format text or json lines
   * @param levelSpec a RUST_LOG-style filter
   * @param out where lines go (usually standard output)
   */
  public static Logging install(LoggingConfig.Format format, String levelSpec, OutputStream out) {
    System.setProperty(HELIDON_LOGGING_DISABLED, "true");
    Logger root = LogManager.getLogManager().getLogger("");
    for (Handler h : root.getHandlers()) {
      root.removeHandler(h);
    }
    root.addHandler(new LineHandler(out, new LogLineFormatter(format)));
    Logging logging = new Logging();
    logging.apply(levelSpec);
    return logging;
  }

  /** The level filter currently applied. */
  public String levels() {
    lock.lock();
    try {
      return spec;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Applies a RUST_LOG-style filter, replacing the previous one; returns the directives it ignored.
   * Helidon's loggers stay at warn unless the filter names them or asks for debug or more.
   */
  public List<String> apply(String levelSpec) {
    LogLevels levels = LogLevels.parse(levelSpec);
    lock.lock();
    try {
      for (Logger l : configured) {
        l.setLevel(null);
      }
      configured.clear();
      Logger root = LogManager.getLogManager().getLogger("");
      root.setLevel(levels.root());
      if (!levels.loggers().containsKey("io.helidon")
          && levels.root().intValue() >= Level.INFO.intValue()) {
        configure("io.helidon", Level.WARNING);
      }
      for (Map.Entry<String, Level> e : levels.loggers().entrySet()) {
        configure(e.getKey(), e.getValue());
      }
      spec = levelSpec == null ? "" : levelSpec;
    } finally {
      lock.unlock();
    }
    for (String problem : levels.problems()) {
      LOG.warning("ignored log level directive " + problem);
    }
    return levels.problems();
  }

  private void configure(String name, Level level) {
    Logger logger = Logger.getLogger(name);
    logger.setLevel(level);
    configured.add(logger);
  }
}
