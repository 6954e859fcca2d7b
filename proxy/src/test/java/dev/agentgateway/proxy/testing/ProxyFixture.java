package dev.agentgateway.proxy.testing;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.BackendConfig;
import dev.agentgateway.model.ir.FrontendHttp;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.ir.ServiceEndpoints;
import dev.agentgateway.proxy.http.ProxyHandler;
import dev.agentgateway.proxy.http.UpstreamClients;
import dev.agentgateway.proxy.llm.LlmGateway;
import dev.agentgateway.proxy.mcp.McpGateway;
import dev.agentgateway.proxy.mcp.session.SessionCodec;
import dev.agentgateway.proxy.policy.PolicyClients;
import dev.agentgateway.proxy.policy.cel.LazyCelEngine;
import dev.agentgateway.proxy.policy.jwt.JwksSettings;
import dev.agentgateway.proxy.server.Drain;
import dev.agentgateway.proxy.state.ProxyState;
import dev.agentgateway.proxy.state.StateHolder;
import dev.agentgateway.proxy.telemetry.ProxyMetrics;
import dev.agentgateway.proxy.telemetry.RequestLog;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http2.Http2Config;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A proxy on a real socket, configured from IR records, recording what it observes. */
public final class ProxyFixture implements AutoCloseable {
  private final int port;
  private final List<Route> routes;
  private final FrontendHttp frontend;
  private final StateHolder state;
  private final WebServer server;
  private final UpstreamClients clients;
  private final Drain drain = new Drain();
  private final RecordingObserver observer = new RecordingObserver();
  private final McpGateway mcp;
  private final ProxyMetrics metrics = new ProxyMetrics("test");
  private final LlmGateway llm = new LlmGateway(Duration.ofSeconds(2), metrics.genAi());
  private final PolicyClients policyClients;

  private ProxyFixture(
      List<Route> routes, FrontendHttp frontend, List<ServiceEndpoints> endpoints) {
    this(routes, frontend, endpoints, SessionCodec.withRandomKey(), JwksSettings.DEFAULT);
  }

  private ProxyFixture(
      List<Route> routes,
      FrontendHttp frontend,
      List<ServiceEndpoints> endpoints,
      SessionCodec sessions,
      JwksSettings jwks) {
    this.policyClients = new PolicyClients(new LazyCelEngine(), jwks);
    this.port = ShellTesting.freePort();
    this.routes = List.copyOf(routes);
    this.frontend = frontend;
    this.state =
        new StateHolder(
            ProxyState.compile(TestConfigs.oneListener(port, frontend, routes, endpoints), 1));
    this.clients =
        UpstreamClients.create(new BackendConfig(Duration.ofSeconds(2), Duration.ofSeconds(90), 0));
    this.mcp =
        new McpGateway(
            state, sessions, Duration.ofMinutes(30), "test", drain::draining, new LazyCelEngine());
    ProxyHandler handler =
        new ProxyHandler(state, port, clients, observer, drain, mcp, llm, policyClients);
    // Only HTTP/1.1 and HTTP/2: the test classpath has Helidon's gRPC protocol, which would
    // otherwise answer gRPC requests itself instead of the proxy handler.
    this.server =
        WebServer.builder()
            .port(port)
            .protocolsDiscoverServices(false)
            .addProtocol(Http1Config.create())
            .addProtocol(Http2Config.create())
            .routing(r -> r.any(handler))
            .build()
            .start();
  }

  /** A proxy whose MCP session ids are sealed with {@code sessions}, as replicas sharing a key. */
  public static ProxyFixture withSessions(SessionCodec sessions, Route... routes) {
    return new ProxyFixture(
        Arrays.asList(routes), FrontendHttp.DEFAULT, List.of(), sessions, JwksSettings.DEFAULT);
  }

  /** A proxy whose remote JWKS are cached and refetched as {@code jwks} says. */
  public static ProxyFixture withJwks(JwksSettings jwks, Route... routes) {
    return new ProxyFixture(
        Arrays.asList(routes), FrontendHttp.DEFAULT, List.of(), SessionCodec.withRandomKey(), jwks);
  }

  /** A proxy serving {@code routes} (matched in order by path prefix). */
  public static ProxyFixture start(Route... routes) {
    return new ProxyFixture(Arrays.asList(routes), FrontendHttp.DEFAULT, List.of());
  }

  /** A proxy serving {@code routes}, whose Service backends have {@code endpoints}. */
  public static ProxyFixture start(List<ServiceEndpoints> endpoints, Route... routes) {
    return new ProxyFixture(Arrays.asList(routes), FrontendHttp.DEFAULT, endpoints);
  }

  /** Swaps in a state with the same routes and new Service endpoints, as a reload would. */
  public void endpoints(List<ServiceEndpoints> endpoints) {
    state.set(
        ProxyState.compile(
            TestConfigs.oneListener(port, frontend, routes, endpoints), state.get().version() + 1));
  }

  /** A proxy with a custom buffer limit. */
  public static ProxyFixture start(FrontendHttp frontend, Route... routes) {
    return new ProxyFixture(Arrays.asList(routes), frontend, List.of());
  }

  /** A route named {@code name} matching {@code prefix}, forwarding to {@code backends}. */
  public static Route route(
      String name, String prefix, RoutePolicies policies, Backend.Host... backends) {
    List<RouteBackend> weighted = new ArrayList<>();
    for (Backend.Host backend : backends) {
      weighted.add(new RouteBackend(backend, 1));
    }
    return TestConfigs.route(name, TestConfigs.prefix(prefix), policies, weighted, 0);
  }

  /** A backend at {@code 127.0.0.1:port}. */
  public static Backend.Host local(int port) {
    return new Backend.Host("127.0.0.1", port);
  }

  /** POSTs {@code body} as text with {@code client} and reads the answer as text. */
  public static HttpResponse<String> post(HttpClient client, String url, String body)
      throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(URI.create(url))
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  public int port() {
    return port;
  }

  public String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  public Drain drain() {
    return drain;
  }

  /** The next finished request's log, waiting up to 5 s. */
  public RequestLog nextLog() throws InterruptedException {
    return observer.nextLog();
  }

  /** Connect times reported so far. */
  public List<Duration> connects() {
    return observer.connects();
  }

  /** Every finished request's log so far, in order. */
  public List<RequestLog> logs() {
    return List.copyOf(observer.logs());
  }

  /** The proxy's metrics in Prometheus text (only the LLM ones are fed here). */
  public String metricsText() {
    return metrics.registry().scrape();
  }

  /** MCP sessions open in this proxy. */
  public int mcpSessions() {
    return mcp.openSessions();
  }

  @Override
  public void close() {
    server.stop();
    mcp.close();
    llm.close();
    clients.close();
    policyClients.close();
  }
}
