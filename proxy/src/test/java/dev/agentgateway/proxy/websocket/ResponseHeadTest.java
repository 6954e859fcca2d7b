package dev.agentgateway.proxy.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ResponseHeadTest {

  @Test
  void parsesStatusFieldsAndKeepsBytesPastTheHead() throws IOException {
    ResponseHead head =
        ResponseHead.read(
            stream(
                "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n"
                    + "Set-Cookie: a=1\r\nset-cookie: b=2\r\n\r\n\u0081\u0002hi"));

    assertEquals(101, head.status());
    assertEquals("Switching Protocols", head.reason());
    assertEquals("websocket", head.first("UPGRADE"));
    assertEquals(List.of("a=1", "b=2"), head.all("Set-Cookie"));
    assertEquals(
        "\u0081\u0002hi", new String(head.rest().readAllBytes(), StandardCharsets.ISO_8859_1));
  }

  @Test
  void readsAHeadThatArrivesOneByteAtATime() throws IOException {
    byte[] bytes =
        "HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    InputStream trickle =
        new ByteArrayInputStream(bytes) {
          @Override
          public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, 1));
          }
        };

    ResponseHead head = ResponseHead.read(trickle);

    assertEquals(404, head.status());
    assertEquals("0", head.first("content-length"));
  }

  @Test
  void rejectsABackendThatClosesBeforeTheHeadEnds() {
    assertThrows(
        ResponseHead.BadResponseException.class,
        () -> ResponseHead.read(stream("HTTP/1.1 101 Switching")));
  }

  @Test
  void rejectsSomethingThatIsNotHttp() {
    assertThrows(
        ResponseHead.BadResponseException.class,
        () -> ResponseHead.read(stream("SSH-2.0-OpenSSH_9.2\r\n\r\n")));
  }

  @Test
  void rejectsAHeadLargerThanTheLimit() {
    String huge = "HTTP/1.1 200 OK\r\nX-Big: " + "a".repeat(ResponseHead.MAX_HEAD) + "\r\n\r\n";

    assertThrows(ResponseHead.BadResponseException.class, () -> ResponseHead.read(stream(huge)));
  }

  private static InputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
