package dev.agentgateway.proxy.mcp.upstream.http;

import dev.agentgateway.proxy.mcp.upstream.McpTransportException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpResponse;
import java.nio.channels.ClosedChannelException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One HTTP request in flight. A deadline timer or the upstream's close aborts it from another
 * thread: {@link java.net.http.HttpClient}'s own request timeout stops at the response headers,
 * while an SSE body may stream for minutes, so aborting means cancelling the exchange before the
 * headers and closing the body stream after them; the blocked reader then fails and this class
 * turns that failure into the reason (timeout, closed).
 */
final class Exchange implements AutoCloseable {
  enum Abort {
    NONE,
    TIMEOUT,
    CLOSED
  }

  private final HttpTransport owner;
  private final String what;
  private final Deadline deadline;
  private final CompletableFuture<HttpResponse<InputStream>> future;
  private volatile InputStream body;
  private final AtomicReference<Abort> abort = new AtomicReference<>(Abort.NONE);
  private volatile ScheduledFuture<?> timer;

  Exchange(
      HttpTransport owner,
      String what,
      Deadline deadline,
      CompletableFuture<HttpResponse<InputStream>> future) {
    this.owner = owner;
    this.what = what;
    this.deadline = deadline;
    this.future = future;
  }

  void timer(ScheduledFuture<?> timer) {
    this.timer = timer;
  }

  /** Waits for the response headers. */
  HttpResponse<InputStream> response() throws McpTransportException {
    HttpResponse<InputStream> response;
    try {
      response = future.get();
    } catch (CancellationException e) {
      throw aborted(e);
    } catch (ExecutionException e) {
      if (abort.get() != Abort.NONE) {
        throw aborted(e.getCause());
      }
      throw owner.error(what, describe(e.getCause()), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abort(Abort.CLOSED);
      throw owner.error(what, "interrupted", e);
    }
    body = response.body();
    if (abort.get() != Abort.NONE) {
      // the abort raced with the headers arriving: it could not close a body it had not seen
      closeBody();
      throw aborted(null);
    }
    return response;
  }

  /** The error for a failed read of the body, explained by an abort if there was one. */
  McpTransportException failed(IOException e) {
    if (abort.get() != Abort.NONE) {
      return aborted(e);
    }
    if (e instanceof MessageTooLargeException) {
      return owner.error(what, "answered with a message too large: " + e.getMessage(), e);
    }
    return owner.error(what, "failed while reading the answer: " + describe(e), e);
  }

  /** Stops the exchange; the first reason wins. Safe from any thread, idempotent. */
  void abort(Abort reason) {
    if (!abort.compareAndSet(Abort.NONE, reason)) {
      return;
    }
    future.cancel(true);
    closeBody();
  }

  /**
   * Removes the deadline, e.g. once a long-lived stream is established.
   *
   * @return false if the deadline had already aborted the exchange
   */
  boolean cancelDeadline() {
    ScheduledFuture<?> t = timer;
    if (t != null) {
      t.cancel(false);
    }
    return abort.get() != Abort.TIMEOUT;
  }

  @Override
  public void close() {
    cancelDeadline();
    owner.forget(this);
    future.cancel(true);
    closeBody();
  }

  private void closeBody() {
    InputStream b = body;
    if (b != null) {
      try {
        b.close();
      } catch (IOException e) {
        // nothing more to release
      }
    }
  }

  private McpTransportException aborted(Throwable cause) {
    return switch (abort.get()) {
      case TIMEOUT -> owner.error(what, "no answer within " + deadline.timeout(), cause);
      default -> owner.error(what, "the upstream was closed", cause);
    };
  }

  static String describe(Throwable t) {
    if (t instanceof HttpConnectTimeoutException) {
      return "connect timed out";
    }
    if (t instanceof ConnectException || t instanceof ClosedChannelException) {
      return "cannot connect";
    }
    String message = t.getMessage();
    return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }
}
