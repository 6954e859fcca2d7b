package dev.agentgateway.proxy.mcp.upstream.stdio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LineReaderTest {
  private static LineReader reader(String text, int max) {
    return new LineReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), max);
  }

  private static String text(LineReader.Line line) {
    return new String(line.bytes(), StandardCharsets.UTF_8);
  }

  @Test
  void splitsOnNewlinesAndDropsCarriageReturns() throws IOException {
    LineReader r = reader("one\r\ntwo\n\nlast", 100);
    assertEquals("one", text(r.next()));
    assertEquals("two", text(r.next()));
    assertEquals("", text(r.next()));
    assertEquals("last", text(r.next()));
    assertNull(r.next());
  }

  @Test
  void keepsOnlyTheStartOfAnOverlongLineAndCarriesOnAfterIt() throws IOException {
    LineReader r = reader("x".repeat(50) + "\nshort\n", 10);
    LineReader.Line overlong = r.next();
    assertTrue(overlong.truncated());
    assertEquals(10, overlong.bytes().length);
    assertEquals(50, overlong.length());
    LineReader.Line next = r.next();
    assertFalse(next.truncated());
    assertEquals("short", text(next));
  }

  @Test
  void readsLinesSpanningManyReads() throws IOException {
    String big = "y".repeat(100_000);
    // A stream that hands out 7 bytes per read, as a slow pipe may.
    InputStream trickle =
        new ByteArrayInputStream((big + "\nz\n").getBytes(StandardCharsets.UTF_8)) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 7));
          }
        };
    LineReader r = new LineReader(trickle, 1 << 20);
    assertEquals(big, text(r.next()));
    assertEquals("z", text(r.next()));
    assertNull(r.next());
  }
}
