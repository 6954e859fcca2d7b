package dev.agentgateway.proxy.telemetry;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;

/** Writes each formatted record to a stream as one write and flushes it, so lines never mix. */
final class LineHandler extends Handler {
  private final OutputStream out;
  private final ReentrantLock lock = new ReentrantLock();

  LineHandler(OutputStream out, LogLineFormatter formatter) {
    this.out = out;
    setFormatter(formatter);
    setLevel(Level.ALL);
  }

  @Override
  public void publish(LogRecord record) {
    if (!isLoggable(record)) {
      return;
    }
    byte[] line;
    try {
      line = getFormatter().format(record).getBytes(StandardCharsets.UTF_8);
    } catch (RuntimeException e) {
      reportError("cannot format a log record", e, java.util.logging.ErrorManager.FORMAT_FAILURE);
      return;
    }
    lock.lock();
    try {
      out.write(line);
      out.flush();
    } catch (IOException e) {
      reportError("cannot write a log line", e, java.util.logging.ErrorManager.WRITE_FAILURE);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void flush() {
    lock.lock();
    try {
      out.flush();
    } catch (IOException e) {
      reportError("cannot flush the log", e, java.util.logging.ErrorManager.FLUSH_FAILURE);
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void close() {
    flush();
  }
}
