package dev.agentgateway.proxy.http;

import static dev.agentgateway.proxy.testing.ProxyFixture.local;
import static dev.agentgateway.proxy.testing.ProxyFixture.route;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentgateway.proxy.testing.ProxyFixture;
import dev.agentgateway.proxy.testing.Upstream;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * 200 MB through the proxy in a JVM with a 128 MB heap (tag {@code small-heap}): passes only if the
 * proxy streams the body instead of holding it.
 */
@Tag("small-heap")
class LargeUploadIT {
  private static final long SIZE = 200L * 1024 * 1024;

  @Test
  void twoHundredMegabyteUploadStreamsThrough() throws Exception {
    try (Upstream upstream =
            Upstream.start(
                r ->
                    r.post(
                        "/upload",
                        (req, res) -> {
                          MessageDigest digest = MessageDigest.getInstance("SHA-256");
                          long count = 0;
                          byte[] buffer = new byte[64 * 1024];
                          try (InputStream in = req.content().inputStream()) {
                            int n;
                            while ((n = in.read(buffer)) > 0) {
                              digest.update(buffer, 0, n);
                              count += n;
                            }
                          }
                          res.send(count + " " + HexFormat.of().formatHex(digest.digest()));
                        }));
        ProxyFixture proxy =
            ProxyFixture.start(route("upload", "/", null, local(upstream.port())))) {
      MessageDigest expected = MessageDigest.getInstance("SHA-256");
      HttpRequest request =
          HttpRequest.newBuilder(URI.create(proxy.url("/upload")))
              .POST(
                  HttpRequest.BodyPublishers.fromPublisher(
                      HttpRequest.BodyPublishers.ofInputStream(
                          () -> new PatternStream(SIZE, expected)),
                      SIZE))
              .build();
      HttpResponse<String> response =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .build()
              .send(request, HttpResponse.BodyHandlers.ofString());

      assertEquals(200, response.statusCode());
      assertEquals(SIZE + " " + HexFormat.of().formatHex(expected.digest()), response.body());
      assertEquals(SIZE, proxy.nextLog().bytesIn());
    }
  }

  /** A deterministic byte pattern of a given size that digests what it hands out. */
  private static final class PatternStream extends InputStream {
    private final MessageDigest digest;
    private long remaining;
    private long position;

    PatternStream(long size, MessageDigest digest) {
      this.remaining = size;
      this.digest = digest;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (remaining == 0) {
        return -1;
      }
      int n = (int) Math.min(length, remaining);
      for (int i = 0; i < n; i++) {
        buffer[offset + i] = (byte) ((position + i) * 31 >>> 3);
      }
      digest.update(buffer, offset, n);
      position += n;
      remaining -= n;
      return n;
    }
  }
}
