package dev.agentgateway.proxy.http;

import dev.agentgateway.proxy.http.upstream.UpstreamReply;
import io.helidon.http.Headers;
import io.helidon.http.Status;
import io.helidon.webclient.api.HttpClientResponse;
import java.io.InputStream;

/** A response from Helidon's clients, as the relay sees it. */
record HelidonReply(HttpClientResponse response) implements UpstreamReply {
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
