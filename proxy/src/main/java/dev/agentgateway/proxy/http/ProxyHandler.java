package dev.agentgateway.proxy.http;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.proxy.a2a.A2aTap;
import dev.agentgateway.proxy.endpoints.EndpointSet;
import dev.agentgateway.proxy.endpoints.EndpointTable;
import dev.agentgateway.proxy.frontend.FrontendIndex;
import dev.agentgateway.proxy.llm.LlmGateway;
import dev.agentgateway.proxy.llm.LlmReply;
import dev.agentgateway.proxy.mcp.McpGateway;
import dev.agentgateway.proxy.mcp.server.McpReply;
import dev.agentgateway.proxy.policy.CompiledPolicies;
import dev.agentgateway.proxy.policy.PolicyCache;
import dev.agentgateway.proxy.policy.PolicyClients;
import dev.agentgateway.proxy.policy.auth.Denial;
import dev.agentgateway.proxy.policy.auth.Identity;
import dev.agentgateway.proxy.policy.auth.LocalAuth;
import dev.agentgateway.proxy.policy.backend.BackendPolicies;
import dev.agentgateway.proxy.policy.cel.CelEvaluationError;
import dev.agentgateway.proxy.policy.cel.LazyCelEngine;
import dev.agentgateway.proxy.policy.transform.CelContexts;
import dev.agentgateway.proxy.policy.transform.TransformPolicies;
import dev.agentgateway.proxy.routing.RouteSelection;
import dev.agentgateway.proxy.routing.RouteTable;
import dev.agentgateway.proxy.server.Drain;
import dev.agentgateway.proxy.state.ProxyState;
import dev.agentgateway.proxy.state.StateHolder;
import dev.agentgateway.proxy.telemetry.RequestObserver;
import dev.agentgateway.proxy.telemetry.RequestScope;
import dev.agentgateway.proxy.telemetry.ResponseReason;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Status;
import io.helidon.webclient.api.WebClient;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The reverse proxy for one bind: per request it takes one state snapshot, selects a route, applies
 * the route's policies and forwards to a weighted backend (a host, or a Service's endpoint),
 * streaming both ways; every request ends with exactly one {@link RequestObserver#requestDone}
 * call.
 */
public final class ProxyHandler implements Handler {
  private static final System.Logger LOGGER = System.getLogger(ProxyHandler.class.getName());
  private static final String GRPC_CONTENT_TYPE = "application/grpc";
  private static final HeaderName MCP_SESSION_ID = HeaderNames.create("Mcp-Session-Id");
  private static final Duration MCP_DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  private final StateHolder state;
  private final int port;
  private final RequestObserver observer;
  // This port's frontend http policy (maxBufferSize), resolved once per config.
  private final FrontendIndex.Cache frontend;
  private final Drain drain;
  private final PolicyCache policies;
  private final HttpForwarder forwarder;
  private final McpGateway mcp;
  private final LlmGateway llm;

  /**
   * A handler that forwards HTTP/1.1 with {@code client} (connect times are not observed) and
   * serves no MCP backends (for tests of plain HTTP).
   */
  public ProxyHandler(
      StateHolder state, int port, WebClient client, RequestObserver observer, Drain drain) {
    this(state, port, UpstreamClients.of(client), observer, drain, null);
  }

  /**
   * A handler that forwards with {@code clients}, e.g. {@link UpstreamClients#create}.
   *
   * @param mcp serves routes to MCP backends; null answers them 501 (tests of plain HTTP)
   */
  public ProxyHandler(
      StateHolder state,
      int port,
      UpstreamClients clients,
      RequestObserver observer,
      Drain drain,
      McpGateway mcp) {
    this(state, port, clients, observer, drain, mcp, null);
  }

  /**
   * A handler that forwards with {@code clients} and serves MCP and AI backends.
   *
   * @param mcp serves routes to MCP backends; null answers them 501
   * @param llm serves routes to AI backends; null answers them 501
   */
  public ProxyHandler(
      StateHolder state,
      int port,
      UpstreamClients clients,
      RequestObserver observer,
      Drain drain,
      McpGateway mcp,
      LlmGateway llm) {
    this(state, port, clients, observer, drain, mcp, llm, new PolicyClients(new LazyCelEngine()));
  }

  /**
   * A handler that forwards with {@code clients}, serves MCP and AI backends, and calls
   * authorization and rate limit services with {@code policyClients} (shared by every bind).
   */
  public ProxyHandler(
      StateHolder state,
      int port,
      UpstreamClients clients,
      RequestObserver observer,
      Drain drain,
      McpGateway mcp,
      LlmGateway llm,
      PolicyClients policyClients) {
    this.policies = new PolicyCache(policyClients);
    this.frontend = new FrontendIndex.Cache();
    this.state = state;
    this.port = port;
    this.observer = observer;
    this.drain = drain;
    this.forwarder = new HttpForwarder(clients, observer);
    this.mcp = mcp;
    this.llm = llm;
  }

  @Override
  public void handle(ServerRequest req, ServerResponse res) {
    long start = System.nanoTime();
    drain.enter();
    RequestScope scope = observer.requestStarted(req);
    if (scope.traceparent() != null) {
      req.context().register(scope);
    }
    HelidonRequestView view = new HelidonRequestView(req);
    Exchange exchange =
        new Exchange(
            start,
            req.prologue().method().text(),
            view.host(),
            view.path(),
            req.prologue().rawProtocol());
    try {
      serve(req, res, view, exchange);
    } catch (CloseConnectionException e) {
      throw e;
    } catch (RuntimeException e) {
      // Not an upstream failure (those are answered inside): e.g. the client went away.
      LOGGER.log(System.Logger.Level.DEBUG, "request failed: " + e);
      if (res.isSent()) {
        throw e;
      }
      exchange.reply(res, Status.INTERNAL_SERVER_ERROR_500, "internal error");
    } finally {
      drain.exit();
      observer.requestDone(exchange.log(System.nanoTime()), scope);
    }
  }

  private void serve(ServerRequest req, ServerResponse res, HelidonRequestView view, Exchange ex) {
    ProxyState snapshot = state.get();
    boolean http1 = !"2.0".equals(req.prologue().protocolVersion());
    if (http1 && drain.draining()) {
      res.header(HeaderValues.CONNECTION_CLOSE);
    }
    RouteTable table = snapshot.table(port);
    // Gateway phase: the listener's own policies, before (and whatever) route selection.
    Listener listener =
        table == null || snapshot.config().policies().isEmpty() ? null : table.listener(view);
    CompiledPolicies gateway = listener == null ? null : policies.forListener(snapshot, listener);
    Admission.Result early = null;
    if (gateway != null) {
      early = Admission.run(req, res, ex, gateway, Identity.NONE, false, 0);
      if (early.answered()) {
        return;
      }
    }
    RouteSelection selection = table == null ? null : table.select(view);
    if (selection == null && table != null) {
      selection = metadataRoute(table, req, ex.path());
    }
    if (selection == null) {
      ex.reply(res, Status.NOT_FOUND_404, "route not found");
      return;
    }
    ex.route(selection.route().name());
    CompiledPolicies compiled = policies.forRoute(snapshot, selection.route());
    if (early != null) {
      compiled = compiled.withUpstreamHeaders(early.upstream());
    }
    LocalAuth auth = compiled.auth();
    long buffer =
        compiled.retry().attempts() > 1 || compiled.mirror() != null
            ? frontend.of(snapshot.config()).http(port).maxBufferSize()
            : 0;
    // Route phase, upstream's order: cors, jwt, basic auth, API key, ext_authz, authorization,
    // rate limits.
    Admission.Result admitted =
        Admission.run(
            req,
            res,
            ex,
            compiled,
            early == null ? Identity.NONE : early.identity(),
            CallOutSteps.forwardsPlainly(selection),
            buffer);
    if (admitted.answered()) {
      return;
    }
    RequestBody opened = admitted.body();
    compiled = compiled.withUpstreamHeaders(admitted.upstream());
    Denial csrf = auth == null ? null : auth.csrf(req);
    if (csrf != null) {
      Admission.deny(res, ex, csrf);
      return;
    }
    String authority = req.headers().first(HeaderNames.HOST).orElse(null);
    if (compiled.directStatus() != null) {
      byte[] body = compiled.directBody();
      TransformPolicies transforms = compiled.transforms();
      if (transforms != null && transforms.computesDirectBody()) {
        try {
          body = transforms.directBody(CelContexts.request(req, null));
        } catch (CelEvaluationError e) {
          ex.reply(res, Status.INTERNAL_SERVER_ERROR_500, "direct response body did not evaluate");
          return;
        }
      }
      ex.status(compiled.directStatus().code());
      ex.responseReason(ResponseReason.DIRECT_RESPONSE);
      ex.addBytesOut(body.length);
      res.status(compiled.directStatus());
      applyResponseHeaders(res, compiled);
      res.send(body);
      return;
    }
    if (compiled.redirect() != null) {
      redirect(req, res, ex, selection, compiled, authority);
      return;
    }
    RouteBackend picked = selection.pickBackend(ThreadLocalRandom.current());
    if (picked == null) {
      boolean none = selection.route().backends().isEmpty();
      ex.reply(res, Status.SERVICE_UNAVAILABLE_503, none ? "no backends" : "no healthy backend");
      return;
    }
    String path = compiled.rewrite().path(ex.path(), selection.matchedPath());
    String target = UpstreamRequests.target(path, req.prologue().query().rawValue());
    BackendPolicies backendPolicies = compiled.backend();
    if (backendPolicies.auth() != null) {
      target = backendPolicies.auth().target(target);
    }
    boolean grpc = !http1 && isGrpc(req);
    String client = authority == null ? "" : authority;
    HttpForwarder.Target to;
    EndpointSet endpoints = null;
    Backend backend = picked.backend();
    if (backend instanceof Backend.A2a a2a) {
      // A2A is JSON-RPC over plain HTTP, forwarded as such; the tap rewrites cards, logs calls.
      backend = a2a.upstream();
      ex.tap(
          A2aTap.create(
              req,
              ex.path(),
              path,
              backend,
              frontend.of(snapshot.config()).http(port).maxBufferSize()));
    }
    switch (backend) {
      case Backend.Mcp backendMcp -> {
        ex.backend(backendMcp.name());
        if (mcp == null) {
          ex.reply(res, Status.NOT_IMPLEMENTED_501, "mcp backends are not served here");
          return;
        }
        McpReply reply =
            mcp.serve(
                req,
                res,
                ex.path(),
                backendMcp,
                selection.route().policies(),
                mcpTimeout(compiled));
        String session =
            req.headers()
                .first(MCP_SESSION_ID)
                .orElseGet(() -> res.headers().first(MCP_SESSION_ID).orElse(null));
        ex.tap(new McpTap(reply, session));
        ex.status(reply.status());
        ex.addBytesOut(reply.bytesOut());
        if (!reply.reason().isEmpty()) {
          ex.reason(reply.reason());
          if (reply.status() >= 400) {
            ex.responseReason(ResponseReason.MCP);
          }
        }
        return;
      }
      case Backend.Ai ai -> {
        ex.backend(ai.name());
        if (llm == null) {
          ex.reply(res, Status.NOT_IMPLEMENTED_501, "ai backends are not served here");
          return;
        }
        applyResponseHeaders(res, compiled);
        long tryNanos =
            compiled.tryTimeoutNanos() > 0
                ? compiled.tryTimeoutNanos()
                : compiled.requestTimeoutNanos();
        LlmReply reply =
            llm.serve(
                req,
                res,
                path, // after urlRewrite: passthrough forwards it, the API is read from its end
                ai,
                frontend.of(snapshot.config()).http(port).maxBufferSize(),
                tryNanos > 0 ? Duration.ofNanos(tryNanos) : null,
                selection.route());
        ex.tap(new LlmTap(reply));
        ex.status(reply.status());
        ex.bytesIn(reply.bytesIn());
        ex.addBytesOut(reply.bytesOut());
        for (int i = 0; i < reply.retries(); i++) {
          ex.retried();
        }
        if (!reply.reason().isEmpty()) {
          ex.reason(reply.reason());
        }
        return;
      }
      case Backend.A2a nested ->
          throw new IllegalStateException("a2a upstream is never itself a2a: " + nested);
      case Backend.Host host -> {
        ex.backend(host.name());
        to =
            new HttpForwarder.Target(
                UpstreamRequests.uri(
                    compiled.backendTls() == null ? "http" : "https",
                    host.hostname(),
                    host.port(),
                    target),
                target,
                authority,
                compiled.rewrite().authority(client, host.authority()),
                grpc,
                buffer,
                compiled.backendTls(),
                backendPolicies.http2(grpc),
                backendPolicies.socket());
      }
      case Backend.Service service -> {
        endpoints = snapshot.endpoints().get(service);
        if (endpoints == null || endpoints.size() == 0) {
          ex.backend(service.name());
          ex.reply(res, Status.SERVICE_UNAVAILABLE_503, EndpointTable.noEndpointsReason(service));
          return;
        }
        ex.backend(endpoints.service());
        // Gateway API keeps the client's Host for Service backends unless a rewrite changes it.
        String host =
            compiled.rewrite().rewritesAuthority()
                ? compiled.rewrite().authority(client, endpoints.hostname())
                : authority == null ? endpoints.hostname() : authority;
        to =
            new HttpForwarder.Target(
                null,
                target,
                authority,
                host,
                grpc,
                buffer,
                compiled.backendTls(),
                backendPolicies.http2(grpc),
                backendPolicies.socket());
      }
    }
    forwarder.forward(req, res, ex, compiled, to, endpoints, opened);
  }

  /** A call to an MCP server may take as long as the route allows, else five minutes. */
  /**
   * The route of the MCP endpoint whose RFC 9728 metadata {@code path} asks for ({@code
   * /.well-known/oauth-protected-resource/mcp} for {@code /mcp}), when that route has {@code
   * mcpAuthentication} and so answers it; else null. Clients derive this URL from the endpoint's,
   * so it rarely matches the endpoint's own route.
   */
  private static RouteSelection metadataRoute(RouteTable table, ServerRequest req, String path) {
    String resource = McpGateway.metadataResource(path);
    if (resource == null) {
      return null;
    }
    RouteSelection selection = table.select(new HelidonRequestView(req, resource));
    if (selection == null || !McpGateway.servesMetadata(selection.route().policies())) {
      return null;
    }
    for (RouteBackend b : selection.route().backends()) {
      if (!(b.backend() instanceof Backend.Mcp)) {
        return null;
      }
    }
    return selection;
  }

  private static Duration mcpTimeout(CompiledPolicies compiled) {
    long nanos = compiled.requestTimeoutNanos();
    return nanos > 0 ? Duration.ofNanos(nanos) : MCP_DEFAULT_TIMEOUT;
  }

  private static void redirect(
      ServerRequest req,
      ServerResponse res,
      Exchange ex,
      RouteSelection selection,
      CompiledPolicies compiled,
      String authority) {
    String location =
        compiled
            .redirect()
            .location(
                req.isSecure() ? "https" : "http",
                authority == null ? "" : authority,
                ex.path(),
                req.prologue().query().rawValue(),
                selection.matchedPath());
    ex.status(compiled.redirect().status().code());
    ex.responseReason(ResponseReason.DIRECT_RESPONSE);
    res.status(compiled.redirect().status());
    res.header(HeaderValues.create(HeaderNames.LOCATION, location));
    applyResponseHeaders(res, compiled);
    res.send();
  }

  private static void applyResponseHeaders(ServerResponse res, CompiledPolicies compiled) {
    if (compiled.responseHeaders() != null) {
      compiled.responseHeaders().apply(res.headers());
    }
  }

  private static boolean isGrpc(ServerRequest req) {
    String type = req.headers().first(HeaderNames.CONTENT_TYPE).orElse("");
    return type.regionMatches(true, 0, GRPC_CONTENT_TYPE, 0, GRPC_CONTENT_TYPE.length());
  }
}
