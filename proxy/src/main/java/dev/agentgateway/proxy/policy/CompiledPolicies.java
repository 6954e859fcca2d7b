package dev.agentgateway.proxy.policy;

import dev.agentgateway.model.ir.BackendHttpPolicy;
import dev.agentgateway.model.ir.DirectResponse;
import dev.agentgateway.model.ir.FrontendHttp;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.ir.TimeoutPolicy;
import dev.agentgateway.proxy.policy.auth.LocalAuth;
import dev.agentgateway.proxy.policy.backend.BackendPolicies;
import dev.agentgateway.proxy.policy.cel.LazyCelEngine;
import dev.agentgateway.proxy.policy.extauth.ExtAuthz;
import dev.agentgateway.proxy.policy.ratelimit.RateLimitGate;
import dev.agentgateway.proxy.policy.ratelimit.remote.RemoteRateLimit;
import dev.agentgateway.proxy.policy.transform.TransformPolicies;
import dev.agentgateway.proxy.tls.UpstreamTls;
import io.helidon.http.Status;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The policies of one route, compiled once: everything a request needs is precomputed, so the data
 * path does no parsing, formatting or lookups beyond field reads.
 *
 * @param requestHeaders changes to the upstream request headers, or {@code null}
 * @param responseHeaders changes to the downstream response headers, or {@code null}
 * @param redirect answer with a redirect, or {@code null}
 * @param rewrite upstream path and Host
 * @param mirror copy requests to another backend, or {@code null}
 * @param directStatus status of a direct answer, or {@code null} when forwarding
 * @param directBody body of a direct answer
 * @param requestTimeoutNanos bound on the whole exchange, 0 for none
 * @param tryTimeoutNanos bound on each upstream try, 0 for none
 * @param retry retry plan
 * @param cors CORS, answered before anything else, or {@code null}
 * @param rateLimit the route's {@code localRateLimit}, or {@code null}
 * @param transforms CEL transformations, body buffering and a computed direct body, or {@code null}
 * @param extAuthz the route's {@code extAuthz}, or {@code null}
 * @param remoteRateLimit the route's {@code remoteRateLimit}, or {@code null}
 * @param auth {@code jwtAuth}, {@code basicAuth}, {@code apiKey}, {@code authorization} and {@code
 *     csrf}, or null
 * @param backendTls TLS to the upstream ({@code backendTLS}), or {@code null} for plain HTTP
 * @param backend backend auth, health, TCP and HTTP version of plain backends
 */
public record CompiledPolicies(
    HeaderMutation requestHeaders,
    HeaderMutation responseHeaders,
    RedirectAction redirect,
    UrlRewriter rewrite,
    MirrorTarget mirror,
    Status directStatus,
    byte[] directBody,
    long requestTimeoutNanos,
    long tryTimeoutNanos,
    RetryPlan retry,
    CorsAction cors,
    RateLimitGate rateLimit,
    TransformPolicies transforms,
    ExtAuthz extAuthz,
    RemoteRateLimit remoteRateLimit,
    LocalAuth auth,
    UpstreamTls backendTls,
    BackendPolicies backend) {

  /** No policies. */
  public static final CompiledPolicies NONE = compile(RoutePolicies.NONE);

  /** Compiles {@code policies} ({@code null} means none) without a rate limit. */
  public static CompiledPolicies compile(RoutePolicies policies) {
    return compile(policies, null);
  }

  /**
   * Compiles {@code policies} with {@code rateLimit}, the gate over the route's buckets; policies
   * that call services need {@link #compile(RoutePolicies, RateLimitGate, PolicyClients)}.
   */
  public static CompiledPolicies compile(RoutePolicies policies, RateLimitGate rateLimit) {
    return compile(policies, rateLimit, null, FrontendHttp.DEFAULT_MAX_BUFFER_SIZE);
  }

  /**
   * Compiles {@code policies} with {@code rateLimit} and the {@code clients} that {@code extAuthz}
   * and {@code remoteRateLimit} call services with (and whose CEL engine compiles expressions).
   *
   * @param maxBufferSize the listener's limit on held bodies
   * @throws IllegalArgumentException when a policy needs {@code clients} and there are none (so no
   *     authorization is ever skipped silently)
   */
  public static CompiledPolicies compile(
      RoutePolicies policies, RateLimitGate rateLimit, PolicyClients clients, long maxBufferSize) {
    LazyCelEngine cel = clients == null ? new LazyCelEngine() : clients.cel();
    RoutePolicies p = policies == null ? RoutePolicies.NONE : policies;
    if (clients == null && (p.extAuthz() != null || p.remoteRateLimit() != null)) {
      throw new IllegalArgumentException("extAuthz and remoteRateLimit need policy clients");
    }
    DirectResponse direct = p.directResponse();
    TimeoutPolicy timeout = p.timeout();
    return new CompiledPolicies(
        HeaderMutation.compile(p.requestHeaderModifier()),
        HeaderMutation.compile(p.responseHeaderModifier()),
        RedirectAction.compile(p.requestRedirect()),
        UrlRewriter.compile(p.urlRewrite()),
        MirrorTarget.compile(p.requestMirror()),
        direct == null ? null : Status.create(direct.status()),
        direct == null ? new byte[0] : direct.body().getBytes(StandardCharsets.UTF_8),
        timeout == null ? 0 : nanos(timeout.requestTimeout()),
        tryTimeout(timeout, p.backendHttp()),
        RetryPlan.compile(p.retry(), cel),
        CorsAction.compile(p.cors()),
        rateLimit,
        TransformPolicies.compile(p, cel, maxBufferSize),
        ExtAuthz.compile(p.extAuthz(), clients),
        RemoteRateLimit.compile(p.remoteRateLimit(), clients),
        LocalAuth.compile(p, cel, clients == null ? null : clients.jwt()),
        UpstreamTls.compile(p.backendTls()),
        BackendPolicies.compile(p, cel));
  }

  /** The tighter of the route's per-try timeout and the backend's {@code http.requestTimeout}. */
  private static long tryTimeout(TimeoutPolicy timeout, BackendHttpPolicy http) {
    long route = timeout == null ? 0 : nanos(timeout.backendRequestTimeout());
    long backend = http == null ? 0 : nanos(http.requestTimeout());
    return route == 0 || backend == 0 ? Math.max(route, backend) : Math.min(route, backend);
  }

  /** These policies with {@code upstream} applied to the upstream request before the route's. */
  public CompiledPolicies withUpstreamHeaders(HeaderMutation upstream) {
    if (upstream == null) {
      return this;
    }
    return new CompiledPolicies(
        HeaderMutation.chain(upstream, requestHeaders),
        responseHeaders,
        redirect,
        rewrite,
        mirror,
        directStatus,
        directBody,
        requestTimeoutNanos,
        tryTimeoutNanos,
        retry,
        cors,
        rateLimit,
        transforms,
        extAuthz,
        remoteRateLimit,
        auth,
        backendTls,
        backend);
  }

  private static long nanos(Duration duration) {
    return duration == null || duration.isNegative() ? 0 : duration.toNanos();
  }

  /** True when any timeout applies. */
  public boolean hasTimeout() {
    return requestTimeoutNanos > 0 || tryTimeoutNanos > 0;
  }
}
