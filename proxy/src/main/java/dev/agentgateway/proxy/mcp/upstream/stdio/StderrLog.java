package dev.agentgateway.proxy.mcp.upstream.stdio;

import java.io.IOException;
import java.io.InputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;

/**
 * Copies a child's stderr to the log at INFO, one record per line prefixed with the target name.
 * Lines are cut at {@link #MAX_LINE} bytes and the rate is capped; what the cap drops is counted
 * and reported, so an operator knows output was lost.
 */
final class StderrLog {
  static final System.Logger LOG = System.getLogger(StderrLog.class.getPackageName());

  /** Longer stderr lines are cut: a log record is for humans, not for dumps. */
  static final int MAX_LINE = 8 * 1024;

  private final String target;
  private final RateCap cap;
  private long dropped;

  StderrLog(String target, RateCap cap) {
    this.target = target;
    this.cap = cap;
  }

  /** The default cap: bursts of 200 lines, 50 a second after that. */
  static StderrLog forTarget(String target) {
    return new StderrLog(target, new RateCap(200, 50, System::nanoTime));
  }

  /** Reads {@code stderr} to its end; meant for a virtual thread of its own. */
  void pump(InputStream stderr) {
    LineReader reader = new LineReader(stderr, MAX_LINE);
    try (stderr) {
      LineReader.Line line;
      while ((line = reader.next()) != null) {
        log(line);
      }
    } catch (IOException e) {
      // The pipe closes when the process is killed: nothing more to copy.
    }
    reportDropped();
  }

  void log(LineReader.Line line) {
    if (!cap.tryAcquire()) {
      dropped++;
      return;
    }
    reportDropped();
    String text = new String(line.bytes(), StandardCharsets.UTF_8);
    LOG.log(Level.INFO, "[{0}] {1}{2}", target, text, line.truncated() ? " [cut]" : "");
  }

  private void reportDropped() {
    if (dropped > 0) {
      LOG.log(
          Level.WARNING,
          "[{0}] {1} stderr lines dropped: the child writes faster than the log cap",
          target,
          dropped);
      dropped = 0;
    }
  }
}
