package dev.agentgateway.proxy.http;

import dev.agentgateway.model.ir.BackendConfig;
import dev.agentgateway.proxy.http.upstream.ConnectionPool;
import io.helidon.http.encoding.ContentEncodingContext;
import io.helidon.webclient.api.HttpClientConfig;
import io.helidon.webclient.api.Proxy;
import io.helidon.webclient.api.WebClient;
import io.helidon.webclient.api.WebClientConfig;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http2.Http2Client;
import io.helidon.webclient.http2.Http2ClientProtocolConfig;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The pooled upstream clients a {@link ProxyHandler} forwards with: HTTP/1.1 keep-alive for plain
 * traffic and HTTP/2 prior knowledge for gRPC, configured to send only the headers the proxy sets
 * (no redirects, no {@code Expect: 100-continue}, no proxy headers, no content coding).
 */
public final class UpstreamClients implements AutoCloseable {
  /** System property choosing the HTTP/1.1 client: {@code lean} (default) or {@code helidon}. */
  public static final String CLIENT = "agentgateway.upstream.http1";

  private static final int UNBOUNDED_POOL = 4096;

  private final Http1Client http1;
  private final Http2Client http2;
  private final UpstreamSender http1Upstream;
  private final UpstreamSender http2Upstream;
  private final ConnectTimer timer;
  private final ReentrantLock schedulerLock = new ReentrantLock();
  private volatile ScheduledExecutorService scheduler;

  private UpstreamClients(HttpClientConfig base, ConnectTimer timer, ConnectionPool lean) {
    this.timer = timer;
    this.http1 =
        Http1Client.builder()
            .from(base)
            .followRedirects(false)
            .keepAlive(true)
            .sendExpectContinue(false)
            .proxy(Proxy.noProxy())
            .shareConnectionCache(false)
            .contentEncoding(noContentCoding())
            .servicesDiscoverServices(false)
            .addService(new AdvertisedUpgradeBody())
            // Request headers were validated when the server parsed them, or come from config.
            .protocolConfig(p -> p.validateRequestHeaders(false))
            .build();
    this.http2 =
        Http2Client.builder()
            .from(base)
            .followRedirects(false)
            .sendExpectContinue(false)
            .proxy(Proxy.noProxy())
            .shareConnectionCache(false)
            .contentEncoding(noContentCoding())
            .servicesDiscoverServices(false)
            .addService(new GrpcTrailers())
            .protocolConfig(Http2ClientProtocolConfig.builder().priorKnowledge(true).build())
            .build();
    this.http1Upstream = lean == null ? HelidonSender.http1(http1) : new LeanHttp1(lean);
    this.http2Upstream = HelidonSender.http2(http2);
  }

  /**
   * Clients with the connect timeout and pool settings of {@code config}, reporting connect times.
   * HTTP/1.1 goes through the lean pooled client unless the system property {@value #CLIENT} is
   * {@code helidon}.
   */
  public static UpstreamClients create(BackendConfig config) {
    if ("helidon".equals(System.getProperty(CLIENT))) {
      return create(config, false);
    }
    return create(config, true);
  }

  /** Clients as {@link #create(BackendConfig)}, choosing the HTTP/1.1 client explicitly. */
  public static UpstreamClients create(BackendConfig config, boolean lean) {
    ConnectTimer timer = new ConnectTimer();
    int pool = config.poolMaxSize() > 0 ? config.poolMaxSize() : UNBOUNDED_POOL;
    WebClientConfig base =
        WebClient.builder()
            .connectTimeout(config.connectTimeout())
            .connectionCacheSize(pool)
            .connectionListener(timer)
            .buildPrototype();
    if (!lean) {
      return new UpstreamClients(base, timer, null);
    }
    ConnectionPool idle =
        new ConnectionPool(config.connectTimeout(), config.poolIdleTimeout(), config.poolMaxSize());
    UpstreamClients clients = new UpstreamClients(base, timer, idle);
    long sweep = Math.max(1000, config.poolIdleTimeout().toMillis() / 2);
    clients.scheduler().scheduleWithFixedDelay(idle::sweep, sweep, sweep, TimeUnit.MILLISECONDS);
    return clients;
  }

  /**
   * Clients with the settings of a client built elsewhere (its own pools). Per-request settings
   * still disable redirects, expect-continue and proxies, but connect times are not reported.
   */
  public static UpstreamClients of(WebClient webClient) {
    return new UpstreamClients(webClient.prototype(), null, null);
  }

  private static ContentEncodingContext noContentCoding() {
    return ContentEncodingContext.builder().contentEncodingsDiscoverServices(false).build();
  }

  Http1Client http1() {
    return http1;
  }

  /** The HTTP/1.1 client the forwarder uses. */
  UpstreamSender http1Upstream() {
    return http1Upstream;
  }

  /** The HTTP/2 client the forwarder uses for gRPC. */
  UpstreamSender http2Upstream() {
    return http2Upstream;
  }

  /** The connect listener, or {@code null} when connect times cannot be observed. */
  ConnectTimer timer() {
    return timer;
  }

  /** A single daemon thread for request timeouts, created on first use. */
  ScheduledExecutorService scheduler() {
    ScheduledExecutorService current = scheduler;
    if (current == null) {
      schedulerLock.lock();
      try {
        current = scheduler;
        if (current == null) {
          ScheduledThreadPoolExecutor executor =
              new ScheduledThreadPoolExecutor(
                  1, Thread.ofPlatform().daemon().name("agw-upstream-timeouts").factory());
          executor.setRemoveOnCancelPolicy(true);
          scheduler = current = executor;
        }
      } finally {
        schedulerLock.unlock();
      }
    }
    return current;
  }

  /** Closes pooled connections and stops the timeout thread. */
  @Override
  public void close() {
    ScheduledExecutorService current = scheduler;
    if (current != null) {
      current.shutdownNow();
    }
    http2Upstream.close();
    http1Upstream.close();
    http1.closeResource();
  }
}
