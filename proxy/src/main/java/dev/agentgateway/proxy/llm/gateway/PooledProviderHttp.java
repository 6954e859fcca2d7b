package dev.agentgateway.proxy.llm.gateway;

import dev.agentgateway.proxy.http.upstream.Connection;
import dev.agentgateway.proxy.http.upstream.ConnectionPool;
import dev.agentgateway.proxy.http.upstream.UpstreamProtocolException;
import dev.agentgateway.proxy.http.upstream.UpstreamResponse;
import dev.agentgateway.proxy.llm.provider.ProviderEndpoint;
import dev.agentgateway.proxy.tls.UpstreamTls;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.WritableHeaders;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Provider calls over the proxy's own pooled HTTP/1.1 client, on the caller's thread: TLS (SNI, the
 * configured trust) for {@code https} endpoints, a read timeout bounding the wait for the head. A
 * pooled connection the provider had closed in the meantime costs a free resend on another.
 */
public final class PooledProviderHttp implements ProviderHttp {
  /** Resends after a reused connection turned out closed; each try takes another connection. */
  private static final int STALE_RESENDS = 2;

  private final ConnectionPool pool;
  private final UpstreamTls tls;
  private final long sweepNanos;
  private final AtomicLong lastSweep = new AtomicLong(System.nanoTime());

  /**
   * @param pool where connections come from and go back to (the caller owns and closes it)
   * @param tls the TLS for {@code https} providers
   * @param idleTimeout the pool's idle timeout: expired idle connections are swept this often
   */
  public PooledProviderHttp(ConnectionPool pool, UpstreamTls tls, Duration idleTimeout) {
    this.pool = pool;
    this.tls = tls;
    this.sweepNanos = Math.max(1, idleTimeout.toNanos() / 2);
  }

  @Override
  public Answer send(Request request) throws IOException {
    ProviderEndpoint endpoint = request.endpoint();
    sweepNowAndThen();
    ConnectionPool.Key key =
        new ConnectionPool.Key(endpoint.host(), endpoint.port(), endpoint.tls() ? tls : null);
    WritableHeaders<?> headers = WritableHeaders.create();
    for (Map.Entry<String, List<String>> h : request.headers().entrySet()) {
      headers.add(HeaderValues.create(HeaderNames.create(h.getKey()), h.getValue()));
    }
    Method method = Method.create(request.method());
    for (int resend = 0; ; resend++) {
      Connection conn = pool.acquire(key);
      try {
        conn.readTimeout(request.timeout());
        OutputStream out = conn.request(method, endpoint.pathAndQuery(), headers, false);
        out.write(request.body());
        out.close();
        UpstreamResponse answer = conn.response("HEAD".equals(request.method()));
        // the body's silences are the caller's watchdog's business
        conn.readTimeout(Duration.ZERO);
        return new Answer(answer.code(), answer.headers(), new IoErrors(answer.inputStream()));
      } catch (SocketTimeoutException e) {
        conn.close();
        throw e;
      } catch (IOException | UncheckedIOException | UpstreamProtocolException e) {
        conn.close();
        if (!conn.reused() || resend == STALE_RESENDS || e instanceof UpstreamProtocolException) {
          throw e instanceof UncheckedIOException u ? u.getCause() : io(e);
        }
      } catch (RuntimeException e) {
        conn.close();
        throw e;
      }
    }
  }

  private static IOException io(Exception e) {
    return e instanceof IOException io ? io : new IOException(e.getMessage(), e);
  }

  /** Closes expired idle connections now and then: the pool has no thread of its own. */
  private void sweepNowAndThen() {
    long now = System.nanoTime();
    long last = lastSweep.get();
    if (now - last > sweepNanos && lastSweep.compareAndSet(last, now)) {
      pool.sweep();
    }
  }

  /**
   * A body whose malformed framing (a bad chunk) fails the read as an {@link IOException}, as a
   * broken connection does, rather than as an unchecked exception the relays would not expect.
   */
  private static final class IoErrors extends FilterInputStream {
    IoErrors(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      try {
        return super.read();
      } catch (UpstreamProtocolException e) {
        throw new IOException(e.getMessage(), e);
      }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      try {
        return super.read(b, off, len);
      } catch (UpstreamProtocolException e) {
        throw new IOException(e.getMessage(), e);
      }
    }
  }
}
