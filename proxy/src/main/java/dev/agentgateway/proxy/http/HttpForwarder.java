package dev.agentgateway.proxy.http;

import dev.agentgateway.proxy.endpoints.EndpointSet;
import dev.agentgateway.proxy.endpoints.UpstreamEndpoint;
import dev.agentgateway.proxy.http.spi.ExchangeTap;
import dev.agentgateway.proxy.http.upstream.ConnectionPool;
import dev.agentgateway.proxy.http.upstream.SocketOptions;
import dev.agentgateway.proxy.http.upstream.UpstreamReply;
import dev.agentgateway.proxy.policy.CompiledPolicies;
import dev.agentgateway.proxy.policy.MirrorTarget;
import dev.agentgateway.proxy.policy.RetryPlan;
import dev.agentgateway.proxy.policy.backend.HealthCheck;
import dev.agentgateway.proxy.policy.cel.CelActivation;
import dev.agentgateway.proxy.policy.transform.CelContexts;
import dev.agentgateway.proxy.policy.transform.CompiledTransform;
import dev.agentgateway.proxy.policy.transform.HeaderEdits;
import dev.agentgateway.proxy.policy.transform.TransformPolicies;
import dev.agentgateway.proxy.telemetry.RequestObserver;
import dev.agentgateway.proxy.telemetry.RequestScope;
import dev.agentgateway.proxy.tls.UpstreamTls;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.http.WritableHeaders;
import io.helidon.webclient.api.ClientUri;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * Forwards one request to a host backend or to an endpoint of a Service: builds the upstream
 * request, runs the tries (retries, timeouts), then relays the response. HTTP/2 gRPC requests go
 * upstream over HTTP/2 prior knowledge; everything else over pooled HTTP/1.1. Connection pools are
 * keyed by the address each try connects to, so every Service endpoint has its own.
 */
final class HttpForwarder {
  private final UpstreamClients clients;
  private final RequestObserver observer;
  private final MirrorSender mirrors;

  HttpForwarder(UpstreamClients clients, RequestObserver observer) {
    this.clients = clients;
    this.observer = observer;
    this.mirrors = new MirrorSender(clients);
  }

  /**
   * What to send upstream, fixed for all tries of one request.
   *
   * @param uri where to connect; {@code null} for a Service, whose endpoint each try picks
   * @param http2 send over HTTP/2 (gRPC, or the backend's {@code http.version})
   * @param socket the backend's TCP settings for new connections, or {@code null}
   */
  record Target(
      ClientUri uri,
      String target,
      String clientAuthority,
      String host,
      boolean grpc,
      long buffer,
      UpstreamTls tls,
      boolean http2,
      SocketOptions socket) {
    /** The upstream authority, for the lean client's pool. */
    ConnectionPool.Key key() {
      return new ConnectionPool.Key(uri.host(), uri.port(), tls, socket);
    }

    /** This target sent to {@code endpoint}. */
    Target at(UpstreamEndpoint endpoint) {
      return new Target(
          UpstreamRequests.uri(
              tls == null ? "http" : "https", endpoint.address(), endpoint.port(), target),
          target,
          clientAuthority,
          host,
          grpc,
          buffer,
          tls,
          http2,
          socket);
    }
  }

  /**
   * Forwards one request.
   *
   * @param endpoints the Service's endpoints, one picked per try (a retry prefers another one), or
   *     {@code null} to send every try to {@code to}'s fixed address
   */
  void forward(
      ServerRequest req,
      ServerResponse res,
      Exchange exchange,
      CompiledPolicies policies,
      Target to,
      EndpointSet endpoints) {
    forward(req, res, exchange, policies, to, endpoints, null);
  }

  /**
   * Forwards one request whose body a policy may already have opened.
   *
   * @param opened the body as a policy (ext_authz) opened it, or {@code null}
   */
  void forward(
      ServerRequest req,
      ServerResponse res,
      Exchange exchange,
      CompiledPolicies policies,
      Target to,
      EndpointSet endpoints,
      RequestBody opened) {
    RetryPlan retry = policies.retry();
    long buffer = to.buffer();
    if (retry.hasPrecondition() && !retry.admits(CelContexts.request(req, null))) {
      // Not retriable: one try, and no body held for a replay unless a mirror wants it.
      retry = RetryPlan.NONE;
      buffer = policies.mirror() == null ? 0 : buffer;
    }
    TransformPolicies transforms = policies.transforms();
    TransformPolicies.Hold hold =
        transforms == null ? TransformPolicies.Hold.NONE : transforms.requestHold();
    ExchangeTap tap = exchange.tap();
    RequestBody body =
        opened != null
            ? opened
            : RequestBody.open(
                req, Math.max(Math.max(buffer, hold.limit()), tap.requestPeekBytes()));
    body.showTo(tap);
    exchange.bytesIn(body.bytesRead());
    byte[] held = hold.holds() ? body.inMemory() : null;
    if (hold.required() && held == null) {
      exchange.reply(res, Status.REQUEST_ENTITY_TOO_LARGE_413, "request body too large");
      return;
    }
    RequestEdit edit = RequestEdit.NONE;
    if (transforms != null && transforms.request() != null) {
      CompiledTransform transform = transforms.request();
      CelActivation activation = CelContexts.request(req, transform.readsBody() ? held : null);
      byte[] replaced = transform.body(activation);
      if (replaced != null) {
        body = RequestBody.of(replaced, body.bytesRead());
      }
      edit =
          new RequestEdit(transform.headers(activation), replaced == null ? -1 : replaced.length);
    }
    RequestEdit requestEdit = edit;
    Method method = req.prologue().method();
    MirrorTarget mirror = policies.mirror();
    if (mirror != null && mirror.chosen(ThreadLocalRandom.current().nextDouble())) {
      WritableHeaders<?> headers = WritableHeaders.create();
      upstreamHeaders(req, headers, to, policies, requestEdit);
      mirrors.send(mirror, method, to.target(), headers, body.inMemory());
    }
    long deadline =
        policies.requestTimeoutNanos() > 0 ? System.nanoTime() + policies.requestTimeoutNanos() : 0;
    boolean staleRetried = false;
    HealthCheck health = policies.backend().health();
    UpstreamEndpoint endpoint = null;
    boolean sameEndpoint = false;
    for (int tries = 1; ; tries++) {
      Target tryTo = to;
      if (endpoints != null) {
        if (!sameEndpoint) {
          endpoint = endpoints.pick(ThreadLocalRandom.current(), endpoint);
        }
        sameEndpoint = false;
        tryTo = to.at(endpoint);
        // Held until the response is relayed (or the try failed), so P2C sees long streams too.
        endpoint.acquire();
      }
      try {
        Watchdog watchdog = watchdog(policies, deadline);
        UpstreamTry attempt = new UpstreamTry(exchange.backend(), observer);
        UpstreamReply upstream;
        try {
          upstream = send(req, method, tryTo, policies, requestEdit, body, watchdog, attempt);
        } catch (RuntimeException e) {
          watchdog.stop();
          exchange.bytesIn(body.bytesRead());
          UpstreamFailure failure =
              watchdog.fired()
                  ? UpstreamFailure.timeout()
                  : UpstreamFailure.classify(e, attempt.connectionObtained());
          if (health != null && endpoint != null) {
            // A failed try is unhealthy whatever the condition says: there is no response.
            endpoint.record(true, health.eviction(), System.nanoTime());
          }
          boolean resendable = failure.kind() != UpstreamFailure.Kind.TIMEOUT && body.replayable();
          if (resendable
              && !staleRetried
              && attempt.reusedConnection()
              && failure.kind() == UpstreamFailure.Kind.RESET) {
            // A pooled connection the upstream had already closed: one free, immediate retry,
            // on the same endpoint (its connection was stale, not the endpoint).
            staleRetried = true;
            sameEndpoint = true;
            exchange.retried();
            tries--;
            continue;
          }
          if (resendable && tries < retry.attempts() && backoff(retry, deadline)) {
            exchange.retried();
            continue;
          }
          exchange.reply(res, failure.status(), failure.reason());
          return;
        }
        exchange.bytesIn(body.bytesRead());
        int code = upstream.status().code();
        UpstreamReply reply = upstream;
        if (health != null && endpoint != null) {
          boolean unhealthy =
              health.unhealthy(
                  code, () -> CelContexts.response(req, held, code, reply.headers(), null));
          endpoint.record(unhealthy, health.eviction(), System.nanoTime());
        }
        if (tries < retry.attempts()
            && body.replayable()
            && hasTimeFor(retry, deadline)
            && retry.retries(
                code, () -> CelContexts.response(req, held, code, reply.headers(), null))) {
          watchdog.stop();
          ResponseRelay.discard(upstream);
          if (backoff(retry, deadline)) {
            exchange.retried();
            continue;
          }
        }
        try {
          if (transforms != null && transforms.handlesResponse() && !to.grpc()) {
            TransformedResponse.relay(
                upstream,
                res,
                method,
                policies.responseHeaders(),
                transforms,
                req,
                held,
                watchdog,
                exchange);
          } else {
            ResponseRelay.relay(
                upstream, res, method, policies.responseHeaders(), to.grpc(), watchdog, exchange);
          }
        } finally {
          watchdog.stop();
        }
        return;
      } finally {
        if (endpoint != null) {
          endpoint.release();
        }
      }
    }
  }

  /**
   * What a request transformation changed.
   *
   * @param bodyLength the replaced body's length, or -1 when the body is the client's
   */
  private record RequestEdit(HeaderEdits headers, long bodyLength) {
    static final RequestEdit NONE = new RequestEdit(HeaderEdits.NONE, -1);
  }

  private Watchdog watchdog(CompiledPolicies policies, long deadline) {
    if (!policies.hasTimeout()) {
      return Watchdog.NONE;
    }
    long budget = Long.MAX_VALUE;
    if (deadline != 0) {
      budget = deadline - System.nanoTime();
    }
    if (policies.tryTimeoutNanos() > 0) {
      budget = Math.min(budget, policies.tryTimeoutNanos());
    }
    return Watchdog.start(clients.scheduler(), budget);
  }

  private static boolean hasTimeFor(RetryPlan retry, long deadline) {
    return deadline == 0 || deadline - System.nanoTime() > retry.backoffNanos();
  }

  /** Waits out the backoff; false when the request deadline leaves no time for another try. */
  private static boolean backoff(RetryPlan retry, long deadline) {
    if (!hasTimeFor(retry, deadline)) {
      return false;
    }
    long pause = retry.backoffNanos();
    long end = System.nanoTime() + pause;
    while (pause > 0) {
      LockSupport.parkNanos(pause);
      pause = end - System.nanoTime();
    }
    return true;
  }

  private UpstreamReply send(
      ServerRequest req,
      Method method,
      Target to,
      CompiledPolicies policies,
      RequestEdit edit,
      RequestBody body,
      Watchdog watchdog,
      UpstreamTry attempt) {
    ConnectTimer timer = clients.timer();
    if (timer != null) {
      timer.begin(attempt);
    }
    try {
      watchdog.upstream();
      Consumer<WritableHeaders<?>> headers = h -> upstreamHeaders(req, h, to, policies, edit);
      UpstreamSender sender = to.http2() ? clients.http2Upstream() : clients.http1Upstream();
      return sender.send(method, to, headers, body, watchdog, attempt);
    } finally {
      if (timer != null) {
        timer.end();
      }
    }
  }

  /**
   * The client's end-to-end headers, forwarding headers, Host, then the route's changes: its CEL
   * transformation, then its header modifier, as upstream orders them.
   */
  private static void upstreamHeaders(
      ServerRequest req,
      WritableHeaders<?> headers,
      Target to,
      CompiledPolicies policies,
      RequestEdit edit) {
    HopByHop.copy(req.headers(), headers, to.grpc(), true);
    ForwardedHeaders.apply(req, to.clientAuthority(), headers);
    RequestScope.inject(req, headers);
    headers.set(HeaderValues.create(HeaderNames.HOST, to.host()));
    if (edit != RequestEdit.NONE) {
      edit.headers().apply(headers);
      if (edit.bodyLength() >= 0) {
        headers.set(HeaderValues.create(HeaderNames.CONTENT_LENGTH, edit.bodyLength()));
      }
    }
    if (policies.requestHeaders() != null) {
      policies.requestHeaders().apply(headers);
    }
    if (policies.backend().auth() != null) {
      // Backend phase, after the route's header changes (upstream's order): the key wins.
      policies.backend().auth().apply(headers);
    }
  }
}
