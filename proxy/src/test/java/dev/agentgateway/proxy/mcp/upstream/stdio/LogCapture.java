package dev.agentgateway.proxy.mcp.upstream.stdio;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Collects the stdio package's log records (System.Logger goes to java.util.logging here). */
final class LogCapture extends Handler implements AutoCloseable {
  // Held strongly: java.util.logging keeps loggers weakly, and a collected one loses its handler.
  private final Logger logger = Logger.getLogger(StdioUpstream.class.getPackageName());
  private final SimpleFormatter formatter = new SimpleFormatter();
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  LogCapture() {
    logger.addHandler(this);
  }

  @Override
  public void publish(LogRecord record) {
    lines.add(record.getLevel() + " " + formatter.formatMessage(record));
  }

  /** Waits for a record matching {@code match}; fails after 30 s. */
  String await(Predicate<String> match) throws InterruptedException {
    while (true) {
      String line = lines.poll(30, TimeUnit.SECONDS);
      if (line == null) {
        throw new AssertionError("no matching log record");
      }
      if (match.test(line)) {
        return line;
      }
    }
  }

  @Override
  public void flush() {}

  @Override
  public void close() {
    logger.removeHandler(this);
  }
}
