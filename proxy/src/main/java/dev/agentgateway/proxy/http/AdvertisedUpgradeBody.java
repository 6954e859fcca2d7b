package dev.agentgateway.proxy.http;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataReader;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.api.ClientConnection;
import io.helidon.webclient.api.WebClientServiceRequest;
import io.helidon.webclient.api.WebClientServiceResponse;
import io.helidon.webclient.spi.WebClientService;
import java.io.InputStream;

/**
 * Restores the body of HTTP/1.1 responses that merely advertise an upgrade (e.g. {@code Upgrade:
 * h2c} on a normal 200, as Apache httpd sends). Helidon's client assumes such responses have no
 * entity and would drop a {@code Content-Length} body; this reads it from the connection instead.
 */
final class AdvertisedUpgradeBody implements WebClientService {

  @Override
  public WebClientServiceResponse handle(Chain chain, WebClientServiceRequest request) {
    WebClientServiceResponse response = chain.proceed(request);
    int code = response.status().code();
    if (response.inputStream().isPresent()
        || !response.headers().contains(HeaderNames.UPGRADE)
        || code < 200
        || code == 204
        || code == 304
        || request.method() == Method.HEAD
        || !(response.connection() instanceof ClientConnection connection)) {
      return response;
    }
    long length = response.headers().contentLength().orElse(0);
    if (length <= 0) {
      return response;
    }
    return WebClientServiceResponse.builder()
        .from(response)
        .inputStream(new LengthBody(connection.reader(), length))
        .build();
  }

  /** Exactly {@code length} bytes from the connection. */
  private static final class LengthBody extends InputStream {
    private final DataReader reader;
    private long remaining;

    LengthBody(DataReader reader, long length) {
      this.reader = reader;
      this.remaining = length;
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
      reader.ensureAvailable();
      int n = (int) Math.min(Math.min(reader.available(), length), remaining);
      BufferData data = reader.readBuffer(n);
      data.read(buffer, offset, n);
      remaining -= n;
      return n;
    }
  }
}
