package dev.agentgateway.proxy.mcp.upstream.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SseReaderTest {
  private static final int MAX = 1024;

  @Test
  void joinsDataLinesWithNewlinesAndDefaultsTheTypeToMessage() throws IOException {
    List<SseEvent> events = read("data: a\ndata: b\ndata\n\n");
    assertEquals(List.of(new SseEvent("message", "a\nb\n", "")), events);
  }

  @Test
  void dropsOnlyOneSpaceAfterTheColon() throws IOException {
    assertEquals("  x", read("data:   x\n\n").get(0).data());
    assertEquals("x", read("data:x\n\n").get(0).data());
  }

  @Test
  void acceptsCrLfAndLoneCrLineEnds() throws IOException {
    List<SseEvent> events = read("event: a\r\ndata: 1\r\n\r\nevent: b\rdata: 2\r\rdata: 3\n\n");
    assertEquals(
        List.of(
            new SseEvent("a", "1", ""),
            new SseEvent("b", "2", ""),
            new SseEvent("message", "3", "")),
        events);
  }

  @Test
  void crLfSplitAcrossReadsIsOneLineEnd() throws IOException {
    // one byte per read puts the CR and its LF in different buffers
    SseReader reader = new SseReader(trickle("data: x\r\n\r\ndata: y\r\n\r\n"), MAX);
    assertEquals("x", reader.next().data());
    assertEquals("y", reader.next().data());
    assertNull(reader.next());
  }

  @Test
  void skipsCommentsAndUnknownFields() throws IOException {
    List<SseEvent> events = read(": keep-alive\nfoo: bar\ndata: x\n: more\n\n");
    assertEquals(List.of(new SseEvent("message", "x", "")), events);
  }

  @Test
  void doesNotDispatchAnEventWithoutDataButKeepsItsId() throws IOException {
    SseReader reader = new SseReader(stream("id: 7\nevent: ping\n\ndata: x\n\n"), MAX);
    SseEvent event = reader.next();
    // the type of the data-less event does not leak into the next one
    assertEquals(new SseEvent("message", "x", "7"), event);
    assertEquals("7", reader.lastEventId());
  }

  @Test
  void idPersistsAcrossEventsAndAnEmptyIdResetsIt() throws IOException {
    List<SseEvent> events = read("id: 1\ndata: a\n\ndata: b\n\nid\ndata: c\n\n");
    assertEquals(List.of("1", "1", ""), events.stream().map(SseEvent::lastEventId).toList());
  }

  @Test
  void ignoresAnIdContainingNul() throws IOException {
    List<SseEvent> events = read("id: 1\ndata: a\n\nid: 2\u0000\ndata: b\n\n");
    assertEquals("1", events.get(1).lastEventId());
  }

  @Test
  void takesRetryOnlyWhenItIsAllDigits() throws IOException {
    SseReader reader = new SseReader(stream("retry: 250\nretry: 1s\nretry: -5\ndata: x\n\n"), MAX);
    reader.next();
    assertEquals(250, reader.retryMillis());
    assertEquals(-1, new SseReader(stream("data: x\n\n"), MAX).retryMillis());
  }

  @Test
  void dropsAnUnterminatedEventAtTheEndOfTheStream() throws IOException {
    assertEquals(List.of(new SseEvent("message", "a", "")), read("data: a\n\ndata: b\n"));
    assertEquals(List.of(), read("data: b"));
  }

  @Test
  void skipsALeadingByteOrderMark() throws IOException {
    assertEquals("x", read("\uFEFFdata: x\n\n").get(0).data());
    assertEquals("y", read("\uFEFF: comment\ndata: y\n\n").get(0).data());
  }

  @Test
  void keepsMultiByteUtf8Intact() throws IOException {
    SseReader reader = new SseReader(trickle("data: grüß 😀\n\n"), MAX);
    assertEquals("grüß 😀", reader.next().data());
  }

  @Test
  void refusesAnEventLargerThanTheCap() {
    String big = "data: " + "x".repeat(600) + "\ndata: " + "y".repeat(600) + "\n\n";
    MessageTooLargeException e = assertThrows(MessageTooLargeException.class, () -> read(big));
    assertTrue(e.getMessage().contains("1024 bytes"), e.getMessage());
  }

  @Test
  void theCapIsPerEventAndCommentsDoNotCount() throws IOException {
    String event = "data: " + "x".repeat(900) + "\n\n";
    String comment = ":" + "c".repeat(5000) + "\n";
    assertEquals(3, read(event + comment + event + comment + event).size());
  }

  private static List<SseEvent> read(String text) throws IOException {
    SseReader reader = new SseReader(stream(text), MAX);
    List<SseEvent> events = new ArrayList<>();
    for (SseEvent e; (e = reader.next()) != null; ) {
      events.add(e);
    }
    return events;
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  /** A stream that hands out one byte per read, as a slow network might. */
  private static InputStream trickle(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return new InputStream() {
      private int i;

      @Override
      public int read() {
        return i < bytes.length ? bytes[i++] & 0xff : -1;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (i >= bytes.length) {
          return -1;
        }
        b[off] = bytes[i++];
        return 1;
      }
    };
  }
}
