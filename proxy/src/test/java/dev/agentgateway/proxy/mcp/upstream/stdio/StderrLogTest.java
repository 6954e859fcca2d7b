package dev.agentgateway.proxy.mcp.upstream.stdio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StderrLogTest {
  private final AtomicLong now = new AtomicLong();

  private static ByteArrayInputStream lines(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void logsEachLineUnderTheTargetNameAndCutsLongOnes() throws Exception {
    try (LogCapture log = new LogCapture()) {
      StderrLog.forTarget("srv").pump(lines("hello\n" + "x".repeat(StderrLog.MAX_LINE + 5) + "\n"));
      assertEquals("INFO [srv] hello", log.await(l -> l.contains("[srv]")));
      assertEquals(
          "INFO [srv] " + "x".repeat(StderrLog.MAX_LINE) + " [cut]",
          log.await(l -> l.contains("[srv]")));
    }
  }

  @Test
  void dropsLinesOverTheRateCapAndSaysHowMany() throws Exception {
    try (LogCapture log = new LogCapture()) {
      StderrLog stderr = new StderrLog("loud", new RateCap(2, 1, now::get));
      stderr.pump(lines("a\nb\nc\nd\ne\n"));
      assertEquals("INFO [loud] a", log.await(l -> l.contains("[loud]")));
      assertEquals("INFO [loud] b", log.await(l -> l.contains("[loud]")));
      assertEquals(
          "WARNING [loud] 3 stderr lines dropped: the child writes faster than the log cap",
          log.await(l -> l.contains("[loud]")));
    }
  }
}
