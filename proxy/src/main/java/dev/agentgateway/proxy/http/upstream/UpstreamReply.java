package dev.agentgateway.proxy.http.upstream;

import io.helidon.http.Headers;
import io.helidon.http.Status;
import java.io.InputStream;

/** An upstream response as the relay sees it, whichever client produced it. */
public interface UpstreamReply extends AutoCloseable {
  Status status();

  Headers headers();

  InputStream inputStream();

  /** Trailer fields, once the body was read to the end. */
  Headers trailers();

  /** Releases the response; before the body's end this also drops its connection. */
  @Override
  void close();
}
