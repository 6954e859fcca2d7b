package dev.agentgateway.proxy.llm.gateway;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class BoundedBodyTest {
  @Test
  void readsABodyUpToTheLimit() throws Exception {
    byte[] body = new byte[100];
    assertArrayEquals(body, BoundedBody.read(new ByteArrayInputStream(body), -1, 100));
  }

  @Test
  void refusesADeclaredLengthOverTheLimitWithoutReading() {
    InputStream never =
        new InputStream() {
          @Override
          public int read() {
            throw new AssertionError("read");
          }
        };
    assertThrows(BoundedBody.TooLargeException.class, () -> BoundedBody.read(never, 101, 100));
  }

  @Test
  void refusesAnUndeclaredBodyOnceItPassesTheLimit() {
    assertThrows(
        BoundedBody.TooLargeException.class,
        () -> BoundedBody.read(new ByteArrayInputStream(new byte[101]), -1, 100));
  }
}
