package dev.agentgateway.proxy.llm.gateway;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

/**
 * A provider stream that fails when nothing arrives for {@code idle}: the provider client bounds
 * only the wait for the answer's head, so a provider that stalls mid-stream would otherwise hold
 * the client (and a virtual thread) forever. A watchdog virtual thread closes the stream, which
 * wakes the blocked read; the read then reports the stall rather than the close.
 */
final class IdleTimeoutInputStream extends FilterInputStream {
  private volatile long idleNanos;
  private volatile Duration idle;
  private final Thread watchdog;
  private volatile long lastRead = System.nanoTime();
  private volatile boolean done;
  private volatile boolean stalled;

  IdleTimeoutInputStream(InputStream in, Duration idle) {
    super(in);
    this.idle = idle;
    this.idleNanos = idle.toNanos();
    this.watchdog = Thread.ofVirtual().name("llm-stream-watchdog").start(this::watch);
  }

  private void watch() {
    while (!done) {
      long wait = lastRead + idleNanos - System.nanoTime();
      if (wait <= 0) {
        stalled = true;
        try {
          in.close();
        } catch (IOException e) {
          // closing is best effort; the read fails either way
        }
        return;
      }
      LockSupport.parkNanos(wait);
    }
  }

  /** Changes the allowed silence from now on (shorter, to bound reading a stream's tail). */
  void idle(Duration shorter) {
    idle = shorter;
    idleNanos = shorter.toNanos();
    LockSupport.unpark(watchdog);
  }

  @Override
  public int read() throws IOException {
    try {
      int b = super.read();
      lastRead = System.nanoTime();
      return b;
    } catch (IOException e) {
      throw stalledOr(e);
    }
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    try {
      int n = super.read(b, off, len);
      lastRead = System.nanoTime();
      return n;
    } catch (IOException e) {
      throw stalledOr(e);
    }
  }

  private IOException stalledOr(IOException e) {
    return stalled ? new StalledException("the provider sent nothing for " + text(idle), e) : e;
  }

  /** The provider stayed silent longer than allowed. */
  static final class StalledException extends IOException {
    StalledException(String message, IOException cause) {
      super(message, cause);
    }
  }

  private static String text(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
  }

  @Override
  public void close() throws IOException {
    done = true;
    LockSupport.unpark(watchdog);
    super.close();
  }
}
