package dev.agentgateway.proxy.http;

import dev.agentgateway.proxy.http.upstream.UpstreamResponse;
import io.helidon.http.Headers;
import io.helidon.http.Status;
import io.helidon.webclient.api.HttpClientResponse;
import java.io.InputStream;

/** An upstream response as the relay sees it, whichever client produced it. */
interface UpstreamReply extends AutoCloseable {
  Status status();

  Headers headers();

  InputStream inputStream();

  /** Trailer fields, once the body was read to the end. */
  Headers trailers();

  /** Releases the response; before the body's end this also drops its connection. */
  @Override
  void close();

  static UpstreamReply of(HttpClientResponse response) {
    return new Helidon(response);
  }

  static UpstreamReply of(UpstreamResponse response) {
    return new Lean(response);
  }

  /** A response from Helidon's clients. */
  record Helidon(HttpClientResponse response) implements UpstreamReply {
    @Override
    public Status status() {
      return response.status();
    }

    @Override
    public Headers headers() {
      return response.headers();
    }

    @Override
    public InputStream inputStream() {
      return response.inputStream();
    }

    @Override
    public Headers trailers() {
      return response.trailers();
    }

    @Override
    public void close() {
      response.close();
    }
  }

  /** A response from the lean HTTP/1.1 client. */
  record Lean(UpstreamResponse response) implements UpstreamReply {
    @Override
    public Status status() {
      return response.status();
    }

    @Override
    public Headers headers() {
      return response.headers();
    }

    @Override
    public InputStream inputStream() {
      return response.body();
    }

    @Override
    public Headers trailers() {
      return response.trailers();
    }

    @Override
    public void close() {
      response.close();
    }
  }
}
