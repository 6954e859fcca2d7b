package dev.agentgateway.proxy.mcp.upstream.http;

import dev.agentgateway.proxy.mcp.upstream.McpTransportException;
import dev.agentgateway.proxy.mcp.upstream.McpUpstream;
import java.net.http.HttpClient;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * Creates HTTP MCP upstreams that share one {@link HttpClient} and one deadline timer.
 *
 * <p>Why the JDK client rather than the proxy's own forwarding client: MCP upstream traffic is
 * JSON-RPC the gateway reads and rewrites, not bytes it relays, and the JDK client gives what this
 * needs for free: a response body as an {@code InputStream} that streams SSE events as they arrive,
 * TLS with the JDK trust store, connection pooling, and cancellation. The forwarding path keeps its
 * own lean client, tuned for relaying bodies untouched. HTTP/1.1 by default (see {@link
 * HttpUpstreamSettings#version}); the client's work runs on virtual threads.
 */
public final class HttpUpstreamFactory implements AutoCloseable {
  private final HttpUpstreamSettings settings;
  private final ExecutorService executor;
  private final HttpClient client;
  private final ScheduledThreadPoolExecutor timers;

  private HttpUpstreamFactory(HttpUpstreamSettings settings) {
    this.settings = settings;
    this.executor = Executors.newVirtualThreadPerTaskExecutor();
    this.client =
        HttpClient.newBuilder()
            .version(settings.version())
            .connectTimeout(settings.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(executor)
            .build();
    // one platform thread fires every deadline; cancelled timers leave its queue at once
    this.timers =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().daemon().name("mcp-http-deadlines").factory());
    timers.setRemoveOnCancelPolicy(true);
  }

  /** A factory with {@link HttpUpstreamSettings#defaults()}. */
  public static HttpUpstreamFactory create() {
    return create(HttpUpstreamSettings.defaults());
  }

  public static HttpUpstreamFactory create(HttpUpstreamSettings settings) {
    return new HttpUpstreamFactory(Objects.requireNonNull(settings, "settings"));
  }

  /**
   * A new streamable HTTP session with {@code target}; the caller sends initialize first.
   *
   * @param listener receives what the server sends outside calls (on the GET stream); null to not
   *     open that stream
   */
  public StreamableHttpUpstream streamableHttp(HttpTarget target, McpUpstream.Listener listener) {
    return new StreamableHttpUpstream(transport(target), listener, null, null);
  }

  /**
   * Resumes a streamable HTTP session another upstream (maybe on another replica) initialized: no
   * handshake; the GET stream opens at once when there is a listener.
   *
   * @param protocolVersion the version negotiated at initialize; null sends none (the server then
   *     assumes 2025-03-26)
   */
  public StreamableHttpUpstream resumeStreamableHttp(
      HttpTarget target, String sessionId, String protocolVersion, McpUpstream.Listener listener) {
    Objects.requireNonNull(sessionId, "sessionId");
    return new StreamableHttpUpstream(transport(target), listener, sessionId, protocolVersion);
  }

  /**
   * Connects to a legacy HTTP+SSE server: opens its event stream and waits for the endpoint.
   *
   * @param listener receives what is not part of a call, and the stream's end; null to drop it
   * @throws McpTransportException the server is down, refused, or sent no usable endpoint in time
   */
  public SseUpstream sse(HttpTarget target, McpUpstream.Listener listener)
      throws McpTransportException {
    return SseUpstream.connect(transport(target), listener);
  }

  private HttpTransport transport(HttpTarget target) {
    return new HttpTransport(client, timers, Objects.requireNonNull(target, "target"), settings);
  }

  /** Stops the client and the timer; upstreams still open fail from then on. */
  @Override
  public void close() {
    // shutdownNow, not close: close() would wait for every open event stream to end
    client.shutdownNow();
    timers.shutdownNow();
    executor.shutdownNow();
  }
}
