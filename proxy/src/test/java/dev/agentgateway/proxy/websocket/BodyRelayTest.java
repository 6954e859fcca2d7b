package dev.agentgateway.proxy.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyRelayTest {

  @Test
  void stopsAfterTheLastChunkWithoutWaitingForTheBackendToClose() throws IOException {
    String body = "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nX-Trailer: t\r\n\r\n";
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    long copied =
        new BodyRelay()
            .copy(head("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + body, true), out);

    assertEquals(body, out.toString(StandardCharsets.ISO_8859_1));
    assertEquals(body.length(), copied);
  }

  @Test
  void copiesExactlyContentLengthBytes() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    new BodyRelay()
        .copy(head("HTTP/1.1 404 Not Found\r\nContent-Length: 5\r\n\r\nnope!", true), out);

    assertEquals("nope!", out.toString(StandardCharsets.ISO_8859_1));
  }

  @Test
  void copiesToEndOfStreamWhenTheBodyIsNotFramed() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    new BodyRelay().copy(head("HTTP/1.0 200 OK\r\n\r\nuntil close", false), out);

    assertEquals("until close", out.toString(StandardCharsets.ISO_8859_1));
  }

  @Test
  void copiesNothingForAnswersWithoutABody() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    long copied = new BodyRelay().copy(head("HTTP/1.1 204 No Content\r\n\r\n", true), out);

    assertEquals(0, copied);
    assertEquals(0, out.size());
  }

  @Test
  void failsWhenTheBackendClosesMidBody() {
    assertThrows(
        ResponseHead.BadResponseException.class,
        () ->
            new BodyRelay()
                .copy(
                    head("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort", false),
                    new ByteArrayOutputStream()));
  }

  /**
   * A head whose stream, when {@code stillOpen}, fails on any read past the given text, as a
   * backend that keeps its connection open would block there.
   */
  private static ResponseHead head(String text, boolean stillOpen) throws IOException {
    InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
    if (stillOpen) {
      in = new SequenceInputStream(in, new NeverEnding());
    }
    return ResponseHead.read(in);
  }

  /** Stands for an open connection with nothing more to read. */
  private static final class NeverEnding extends InputStream {
    @Override
    public int read() {
      throw new AssertionError("read past the end of the body");
    }
  }
}
