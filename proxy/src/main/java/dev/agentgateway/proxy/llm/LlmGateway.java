package dev.agentgateway.proxy.llm;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.BackendTlsPolicy;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.proxy.http.upstream.ConnectionPool;
import dev.agentgateway.proxy.llm.failover.Eviction;
import dev.agentgateway.proxy.llm.gateway.ClientRoute;
import dev.agentgateway.proxy.llm.gateway.LlmCall;
import dev.agentgateway.proxy.llm.gateway.PooledProviderHttp;
import dev.agentgateway.proxy.llm.gateway.ProviderPools;
import dev.agentgateway.proxy.llm.policy.LlmPolicyCache;
import dev.agentgateway.proxy.llm.policy.LlmRoutePolicies;
import dev.agentgateway.proxy.policy.ratelimit.RateLimiters;
import dev.agentgateway.proxy.telemetry.GenAiMetrics;
import dev.agentgateway.proxy.tls.UpstreamTls;
import io.helidon.http.Header;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The LLM gateway of one proxy process: serves requests routed to AI backends, sending provider
 * calls through its own pool of HTTP/1.1 connections (the proxy's blocking client, on the request's
 * thread) and keeping each backend's provider pool (health, latency, evictions) across requests and
 * config reloads. Webhook guards use a JDK {@link HttpClient}: they are off the provider path and
 * may speak HTTP/2.
 */
public final class LlmGateway implements AutoCloseable {
  /** How long a provider may take to start answering when the route sets no timeout. */
  public static final Duration DEFAULT_TRY_TIMEOUT = Duration.ofMinutes(10);

  /** How long an unused provider connection is kept (the JDK client's default keep-alive). */
  static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);

  /** Real providers: the JDK's default roots, the provider's host checked and sent as SNI. */
  private static final BackendTlsPolicy PROVIDER_TLS =
      new BackendTlsPolicy(null, null, null, null, false, false, List.of(), List.of());

  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final HttpClient http;
  private final ConnectionPool connections;
  private final ProviderPools pools;
  private final LlmCall.Upstream upstream;

  private final LlmPolicyCache policies;

  /**
   * @param connectTimeout bound on opening a provider connection
   * @param metrics where the GenAI metrics go, or null for none
   */
  public LlmGateway(Duration connectTimeout, GenAiMetrics metrics) {
    this(connectTimeout, metrics, System.getenv(), Eviction.DEFAULT);
  }

  /**
   * @param env where implicit AWS credentials come from (the process environment in production)
   * @param eviction how long failing providers stay out of rotation
   */
  public LlmGateway(
      Duration connectTimeout, GenAiMetrics metrics, Map<String, String> env, Eviction eviction) {
    this(connectTimeout, metrics, env, eviction, UpstreamTls.compile(PROVIDER_TLS));
  }

  /**
   * @param providerTls the TLS for providers reached over {@code https} (other roots, in tests)
   */
  public LlmGateway(
      Duration connectTimeout,
      GenAiMetrics metrics,
      Map<String, String> env,
      Eviction eviction,
      UpstreamTls providerTls) {
    this.connections = new ConnectionPool(connectTimeout, IDLE_TIMEOUT, 0);
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(connectTimeout)
            .followRedirects(HttpClient.Redirect.NEVER)
            .executor(executor)
            .build();
    this.pools = new ProviderPools(eviction, System::nanoTime);
    this.policies = new LlmPolicyCache(http, new RateLimiters(System::nanoTime));
    this.upstream =
        new LlmCall.Upstream(
            new PooledProviderHttp(connections, providerTls, IDLE_TIMEOUT),
            metrics,
            Map.copyOf(env),
            Clock.systemUTC(),
            System::nanoTime);
  }

  /**
   * Serves one request routed to {@code backend}.
   *
   * @param path the request path, which names the LLM API ({@code .../v1/chat/completions})
   * @param maxBodyBytes the largest request body accepted (the frontend's {@code maxBufferSize})
   * @param tryTimeout how long each provider may take to start answering, or null for the default
   * @param route the route that chose the backend: its {@code ai} and {@code localRateLimit}
   *     policies apply
   */
  public LlmReply serve(
      ServerRequest req,
      ServerResponse res,
      String path,
      Backend.Ai backend,
      long maxBodyBytes,
      Duration tryTimeout,
      Route route) {
    LlmRoutePolicies routePolicies =
        route == null ? LlmRoutePolicies.NONE : policies.forRoute(route);
    // ai.routes names the API for a path suffix; without one the path's own suffix does
    String configured = routePolicies.routeType(path);
    ClientRoute api = configured == null ? ClientRoute.of(path) : ClientRoute.named(configured);
    String query = req.query().rawValue();
    LlmCall.Request request =
        new LlmCall.Request(
            api,
            query.isEmpty() ? path : path + "?" + query,
            req.prologue().method().text(),
            headers(req),
            req.content().inputStream(),
            req.headers().contentLength().orElse(-1),
            maxBodyBytes,
            tryTimeout == null ? DEFAULT_TRY_TIMEOUT : tryTimeout);
    return new LlmCall(upstream, request, backend, pools.pool(backend), routePolicies, res).run();
  }

  private static Map<String, List<String>> headers(ServerRequest req) {
    Map<String, List<String>> out = new HashMap<>();
    for (Header h : req.headers()) {
      out.computeIfAbsent(h.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .addAll(h.allValues());
    }
    return out;
  }

  @Override
  public void close() {
    connections.close();
    http.shutdownNow();
    executor.shutdownNow();
  }
}
