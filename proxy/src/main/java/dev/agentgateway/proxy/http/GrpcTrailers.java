package dev.agentgateway.proxy.http;

import io.helidon.http.ClientResponseTrailers;
import io.helidon.webclient.api.WebClientServiceRequest;
import io.helidon.webclient.api.WebClientServiceResponse;
import io.helidon.webclient.http2.Http2ClientStream;
import io.helidon.webclient.spi.WebClientService;
import java.io.InputStream;
import java.util.concurrent.CompletableFuture;

/**
 * Exposes HTTP/2 response trailers that the upstream did not announce with a {@code Trailer} header
 * (gRPC servers never do). Helidon's client only wires trailers for announced ones, so this service
 * completes them from the stream, or with none once the body ends without trailers.
 */
final class GrpcTrailers implements WebClientService {

  @Override
  public WebClientServiceResponse handle(Chain chain, WebClientServiceRequest request) {
    WebClientServiceResponse response = chain.proceed(request);
    if (!(response.connection() instanceof Http2ClientStream stream)) {
      return response;
    }
    CompletableFuture<ClientResponseTrailers> trailers = new CompletableFuture<>();
    stream
        .trailers()
        .thenAccept(headers -> trailers.complete(ClientResponseTrailers.create(headers)));
    WebClientServiceResponse.Builder builder = WebClientServiceResponse.builder().from(response);
    builder.trailers(trailers);
    response
        .inputStream()
        .ifPresentOrElse(
            in -> builder.inputStream(new EndAware(in, trailers)),
            () -> trailers.complete(ClientResponseTrailers.create()));
    return builder.build();
  }

  /** Completes the trailers with none when the body ends; real trailers arrive before the end. */
  private static final class EndAware extends InputStream {
    private final InputStream delegate;
    private final CompletableFuture<ClientResponseTrailers> trailers;

    EndAware(InputStream delegate, CompletableFuture<ClientResponseTrailers> trailers) {
      this.delegate = delegate;
      this.trailers = trailers;
    }

    @Override
    public int read() throws java.io.IOException {
      int b = delegate.read();
      if (b < 0) {
        trailers.complete(ClientResponseTrailers.create());
      }
      return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws java.io.IOException {
      int n = delegate.read(buffer, offset, length);
      if (n < 0) {
        trailers.complete(ClientResponseTrailers.create());
      }
      return n;
    }

    @Override
    public void close() throws java.io.IOException {
      delegate.close();
    }
  }
}
