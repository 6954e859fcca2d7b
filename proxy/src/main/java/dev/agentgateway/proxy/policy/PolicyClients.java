package dev.agentgateway.proxy.policy;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.JwtAuthPolicy;
import dev.agentgateway.proxy.policy.cel.LazyCelEngine;
import dev.agentgateway.proxy.policy.jwt.JwksSettings;
import dev.agentgateway.proxy.policy.jwt.JwtAuthenticator;
import dev.agentgateway.proxy.policy.jwt.JwtCompiler;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What compiled policies call services with (ext_authz, remote rate limit): one gRPC channel per
 * target, shared by every route and kept across reloads while a config still names the target; one
 * HTTP client; the client and settings JWKS URLs are fetched with; the CEL engine. Closed with the
 * proxy.
 */
public final class PolicyClients implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(PolicyClients.class.getName());
  private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

  private final LazyCelEngine cel;
  private final Map<Backend, ManagedChannel> channels = new ConcurrentHashMap<>();
  private final ReentrantLock httpLock = new ReentrantLock();
  private volatile HttpClient http;
  private volatile boolean closed;
  private final JwksSettings jwksSettings;
  private volatile JwtCompiler jwt;

  /** Clients that compile expressions with {@code cel}. */
  public PolicyClients(LazyCelEngine cel) {
    this(cel, JwksSettings.DEFAULT);
  }

  /** Clients that compile expressions with {@code cel} and cache JWKS as {@code jwksSettings}. */
  public PolicyClients(LazyCelEngine cel, JwksSettings jwksSettings) {
    this.cel = cel;
    this.jwksSettings = jwksSettings;
  }

  /** Compiles {@code jwtAuth}; its JWKS client is created on first use. */
  public JwtCompiler jwt() {
    JwtCompiler compiler = jwt;
    if (compiler != null) {
      return compiler;
    }
    httpLock.lock();
    try {
      if (jwt == null) {
        jwt =
            new JwtCompiler(JwtAuthenticator.defaultHttpClient(), jwksSettings, Clock.systemUTC());
      }
      return jwt;
    } finally {
      httpLock.unlock();
    }
  }

  /** The CEL engine policies compile their expressions with. */
  public LazyCelEngine cel() {
    return cel;
  }

  /**
   * The channel to {@code target} (a host, or a Service by its cluster DNS name), created on first
   * use and reused until a config no longer names the target.
   */
  public ManagedChannel channel(Backend target) {
    if (closed) {
      throw new IllegalStateException("policy clients are closed");
    }
    return channels.computeIfAbsent(target, PolicyClients::open);
  }

  private static ManagedChannel open(Backend target) {
    String host;
    int port;
    switch (target) {
      case Backend.Host h -> {
        host = h.hostname();
        port = h.port();
      }
      // The cluster's DNS finds a Service's ClusterIP; the resolver's search path adds the suffix.
      case Backend.Service s -> {
        host = s.serviceName() + "." + s.namespace() + ".svc";
        port = s.port();
      }
      default -> throw new IllegalArgumentException("not a host or a Service: " + target);
    }
    return NettyChannelBuilder.forAddress(host, port)
        .usePlaintext()
        // Blocking stubs run on the request's virtual thread; callbacks need no pool of their own.
        .executor(Executors.newVirtualThreadPerTaskExecutor())
        .build();
  }

  /** The HTTP/1.1 client for HTTP authorization services, created on first use. */
  public HttpClient http() {
    HttpClient client = http;
    if (client != null) {
      return client;
    }
    httpLock.lock();
    try {
      if (http == null) {
        http =
            HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(Executors.newVirtualThreadPerTaskExecutor())
                .build();
      }
      return http;
    } finally {
      httpLock.unlock();
    }
  }

  /** Closes the channels of targets not in {@code live} (after a config swap). */
  public void retain(Collection<Backend> live) {
    Set<Backend> keep = new HashSet<>(live);
    for (Backend target : Set.copyOf(channels.keySet())) {
      if (!keep.contains(target)) {
        ManagedChannel channel = channels.remove(target);
        if (channel != null) {
          channel.shutdown(); // in-flight calls finish; new ones use a new channel
        }
      }
    }
  }

  /** Forgets the cached JWKS that no {@code jwtAuth} in {@code live} names (after a swap). */
  public void retainJwks(Collection<JwtAuthPolicy> live) {
    JwtCompiler compiler = jwt;
    if (compiler != null) {
      compiler.retain(live);
    }
  }

  /** The number of open channels. */
  public int channels() {
    return channels.size();
  }

  @Override
  public void close() {
    closed = true;
    for (ManagedChannel channel : channels.values()) {
      channel.shutdownNow();
    }
    for (ManagedChannel channel : channels.values()) {
      try {
        channel.awaitTermination(1, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    channels.clear();
    HttpClient client = http;
    if (client != null) {
      client.close();
    }
    JwtCompiler compiler = jwt;
    if (compiler != null) {
      compiler.http().close();
    }
    LOG.log(System.Logger.Level.DEBUG, "policy clients closed");
  }
}
