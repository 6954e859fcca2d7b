package dev.agentgateway.proxy.policy.ratelimit.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.Duration;
import dev.agentgateway.model.envoy.ratelimit.RateLimitDescriptor;
import dev.agentgateway.model.envoy.ratelimit.RateLimitRequest;
import dev.agentgateway.model.envoy.ratelimit.RateLimitResponse;
import dev.agentgateway.model.envoy.ratelimit.RateLimitServiceGrpc;
import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.RemoteRateLimitPolicy;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.model.xds.envoy.HeaderValue;
import dev.agentgateway.proxy.testing.ProxyFixture;
import dev.agentgateway.proxy.testing.ShellTesting;
import dev.agentgateway.proxy.testing.TestConfigs;
import dev.agentgateway.proxy.testing.Upstream;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** remoteRateLimit against a real gRPC server implementing Envoy's RateLimitService. */
class RemoteRateLimitIT {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  // The first call starts gRPC's transport; on a loaded 2-core machine that can take seconds.
  private static final java.time.Duration SLOW_MACHINE = java.time.Duration.ofSeconds(20);

  /** Admits {@code limit} calls, then answers OVER_LIMIT with the draft-03 headers. */
  private static final class LimitService extends RateLimitServiceGrpc.RateLimitServiceImplBase {
    private final int limit;
    private final AtomicInteger calls = new AtomicInteger();
    private final List<RateLimitRequest> seen = new CopyOnWriteArrayList<>();

    LimitService(int limit) {
      this.limit = limit;
    }

    @Override
    public void shouldRateLimit(
        RateLimitRequest request, StreamObserver<RateLimitResponse> answer) {
      seen.add(request);
      int n = calls.incrementAndGet();
      boolean over = n > limit;
      RateLimitResponse.Builder b =
          RateLimitResponse.newBuilder()
              .setOverallCode(over ? RateLimitResponse.Code.OVER_LIMIT : RateLimitResponse.Code.OK)
              .addResponseHeadersToAdd(header("x-ratelimit-limit", Integer.toString(limit)))
              .addResponseHeadersToAdd(
                  header("x-ratelimit-remaining", Integer.toString(Math.max(0, limit - n))))
              .addRequestHeadersToAdd(header("x-rl-checked", "yes"))
              .addStatuses(
                  RateLimitResponse.DescriptorStatus.newBuilder()
                      .setCode(over ? RateLimitResponse.Code.OVER_LIMIT : RateLimitResponse.Code.OK)
                      .setDurationUntilReset(Duration.newBuilder().setSeconds(29).setNanos(5)));
      answer.onNext(b.build());
      answer.onCompleted();
    }
  }

  private static HeaderValue header(String key, String value) {
    return HeaderValue.newBuilder().setKey(key).setValue(value).build();
  }

  private static Server serve(LimitService service) throws Exception {
    return NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
        .executor(Executors.newVirtualThreadPerTaskExecutor())
        .addService(service)
        .build()
        .start();
  }

  private static ProxyFixture proxy(
      int rlsPort, RemoteRateLimitPolicy.FailureMode failureMode, Upstream upstream) {
    RemoteRateLimitPolicy policy =
        new RemoteRateLimitPolicy(
            new Backend.Host("127.0.0.1", rlsPort),
            "api",
            List.of(
                new RemoteRateLimitPolicy.Descriptor(
                    List.of(
                        new RemoteRateLimitPolicy.Entry("user", "request.headers[\"x-user\"]"),
                        new RemoteRateLimitPolicy.Entry("method", "request.method"))),
                new RemoteRateLimitPolicy.Descriptor(
                    List.of(new RemoteRateLimitPolicy.Entry("path", "request.path")))),
            failureMode,
            SLOW_MACHINE);
    return ProxyFixture.start(
        TestConfigs.route(
            "limited",
            TestConfigs.prefix("/"),
            RoutePolicies.builder().remoteRateLimit(policy).build(),
            List.of(new RouteBackend(ProxyFixture.local(upstream.port()), 1)),
            0));
  }

  private static HttpResponse<String> get(ProxyFixture proxy, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(proxy.url("/orders")));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void overLimitIs429WithTheServicesHeadersAndRetryAfter() throws Exception {
    LimitService service = new LimitService(1);
    Server rls = serve(service);
    try (Upstream upstream = Upstream.start(r -> r.any((req, res) -> res.send("ok")));
        ProxyFixture proxy =
            proxy(rls.getPort(), RemoteRateLimitPolicy.FailureMode.FAIL_CLOSED, upstream)) {
      HttpResponse<String> first = get(proxy, "x-user", "alice");
      assertEquals(200, first.statusCode(), first.body());
      assertEquals("0", first.headers().firstValue("x-ratelimit-remaining").orElse(""));
      assertEquals("yes", upstream.last().header("x-rl-checked"));
      RateLimitRequest sent = service.seen.get(0);
      assertEquals("api", sent.getDomain());
      assertEquals(
          List.of(
              RateLimitDescriptor.newBuilder()
                  .addEntries(entry("user", "alice"))
                  .addEntries(entry("method", "GET"))
                  .build(),
              RateLimitDescriptor.newBuilder().addEntries(entry("path", "/orders")).build()),
          sent.getDescriptorsList());

      HttpResponse<String> refused = get(proxy, "x-user", "alice");
      assertEquals(429, refused.statusCode());
      assertEquals("1", refused.headers().firstValue("x-ratelimit-limit").orElse(""));
      assertEquals("0", refused.headers().firstValue("x-ratelimit-remaining").orElse(""));
      assertEquals("30", refused.headers().firstValue("retry-after").orElse(""));
      assertEquals(1, upstream.requests());
      proxy.nextLog();
      assertEquals("rate limited (remote)", proxy.nextLog().reason());
    } finally {
      rls.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void aDescriptorWhoseValueDoesNotEvaluateIsLeftOut() throws Exception {
    LimitService service = new LimitService(10);
    Server rls = serve(service);
    try (Upstream upstream = Upstream.start(r -> r.any((req, res) -> res.send("ok")));
        ProxyFixture proxy =
            proxy(rls.getPort(), RemoteRateLimitPolicy.FailureMode.FAIL_CLOSED, upstream)) {
      assertEquals(200, get(proxy).statusCode());
      assertEquals(
          List.of(RateLimitDescriptor.newBuilder().addEntries(entry("path", "/orders")).build()),
          service.seen.get(0).getDescriptorsList(),
          "no x-user header: the user descriptor is skipped");
    } finally {
      rls.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Test
  void aServiceThatIsDownFailsClosedWith500OrOpen() throws Exception {
    int closedPort = ShellTesting.freePort();
    try (Upstream upstream = Upstream.start(r -> r.any((req, res) -> res.send("ok")))) {
      try (ProxyFixture closed =
          proxy(closedPort, RemoteRateLimitPolicy.FailureMode.FAIL_CLOSED, upstream)) {
        assertEquals(500, get(closed, "x-user", "a").statusCode());
        assertEquals(0, upstream.requests());
      }
      try (ProxyFixture open =
          proxy(closedPort, RemoteRateLimitPolicy.FailureMode.FAIL_OPEN, upstream)) {
        assertEquals(200, get(open, "x-user", "a").statusCode());
        assertEquals(1, upstream.requests());
      }
    }
  }

  private static RateLimitDescriptor.Entry entry(String key, String value) {
    return RateLimitDescriptor.Entry.newBuilder().setKey(key).setValue(value).build();
  }
}
