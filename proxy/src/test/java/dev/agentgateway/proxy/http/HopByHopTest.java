package dev.agentgateway.proxy.http;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helidon.http.HeaderNames;
import io.helidon.http.WritableHeaders;
import org.junit.jupiter.api.Test;

class HopByHopTest {
  private static WritableHeaders<?> headers(String... pairs) {
    WritableHeaders<?> headers = WritableHeaders.create();
    for (int i = 0; i < pairs.length; i += 2) {
      headers.add(HeaderNames.create(pairs[i]), pairs[i + 1]);
    }
    return headers;
  }

  @Test
  void plainConnectionTokensNameNoExtraHeaders() {
    assertNull(HopByHop.connectionNamed(headers("Connection", "keep-alive")));
    assertNull(HopByHop.connectionNamed(headers("Connection", "close")));
    assertNull(HopByHop.connectionNamed(headers("X-Other", "v")));
  }

  @Test
  void connectionNamesExtraHeadersCaseInsensitively() {
    assertArrayEquals(
        new String[] {"x-a", "x-b"},
        HopByHop.connectionNamed(headers("Connection", "Keep-Alive, X-A", "Connection", " x-B ")));
  }

  @Test
  void copySkipsHopByHopAndNamedHeaders() {
    WritableHeaders<?> to = WritableHeaders.create();
    HopByHop.copy(
        headers(
            "Connection",
            "X-Named",
            "X-Named",
            "1",
            "Keep-Alive",
            "5",
            "TE",
            "trailers",
            "Transfer-Encoding",
            "chunked",
            "Upgrade",
            "h2c",
            "Proxy-Authorization",
            "x",
            "Expect",
            "100-continue",
            "X-Kept",
            "k"),
        to,
        false,
        true);
    assertEquals(1, to.size());
    assertTrue(to.contains(HeaderNames.create("X-Kept")));
  }

  @Test
  void grpcKeepsTeTrailersOnly() {
    WritableHeaders<?> to = WritableHeaders.create();
    HopByHop.copy(headers("TE", "trailers"), to, true, true);
    assertTrue(to.contains(HeaderNames.TE));
    WritableHeaders<?> other = WritableHeaders.create();
    HopByHop.copy(headers("TE", "gzip"), other, true, true);
    assertFalse(other.contains(HeaderNames.TE));
  }
}
