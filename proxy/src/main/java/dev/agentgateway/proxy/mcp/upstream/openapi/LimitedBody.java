package dev.agentgateway.proxy.mcp.upstream.openapi;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a limit; past it, stops reading (cancelling the rest) and says so,
 * so an API that answers with gigabytes costs at most the limit in heap.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<LimitedBody.Body> {
  /**
   * A response body.
   *
   * @param bytes what was read: all of it, or the first {@code limit} bytes when too large
   * @param tooLarge the body went past the limit
   */
  record Body(byte[] bytes, boolean tooLarge) {}

  private final int limit;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final CompletableFuture<Body> result = new CompletableFuture<>();
  private Flow.Subscription subscription;

  private LimitedBody(int limit) {
    this.limit = limit;
  }

  /** A handler reading at most {@code limit} bytes of any response. */
  static HttpResponse.BodyHandler<Body> handler(int limit) {
    return info -> new LimitedBody(limit);
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> items) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer b : items) {
      int room = limit - buffer.size();
      if (b.remaining() > room) {
        byte[] part = new byte[room];
        b.get(part);
        buffer.writeBytes(part);
        result.complete(new Body(buffer.toByteArray(), true));
        subscription.cancel();
        return;
      }
      byte[] all = new byte[b.remaining()];
      b.get(all);
      buffer.writeBytes(all);
    }
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    result.complete(new Body(buffer.toByteArray(), false));
  }

  @Override
  public CompletionStage<Body> getBody() {
    return result;
  }
}
