package dev.agentgateway.proxy.llm.format;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes client-bound events as server-sent events ({@code event:} line when named, one {@code
 * data:} line) and flushes each, so the client sees every token as it arrives. Not thread-safe: a
 * stream has one writer thread.
 */
public final class SseEventWriter implements EventSink {
  private static final byte[] EVENT = "event: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] NL = {'\n'};
  private static final byte[] END = {'\n', '\n'};

  private final OutputStream out;
  private long bytes;
  private boolean broken;

  public SseEventWriter(OutputStream out) {
    this.out = out;
  }

  @Override
  public void emit(String event, String data) {
    if (broken) {
      return;
    }
    try {
      if (event != null) {
        write(EVENT);
        write(event.getBytes(StandardCharsets.UTF_8));
        write(NL);
      }
      write(DATA);
      write(data.getBytes(StandardCharsets.UTF_8));
      write(END);
      out.flush();
    } catch (IOException | UncheckedIOException e) {
      // the client went away; the relay sees open() == false and stops reading the provider
      broken = true;
    }
  }

  @Override
  public boolean open() {
    return !broken;
  }

  /** Bytes written so far. */
  public long bytes() {
    return bytes;
  }

  private void write(byte[] b) throws IOException {
    out.write(b);
    bytes += b.length;
  }
}
