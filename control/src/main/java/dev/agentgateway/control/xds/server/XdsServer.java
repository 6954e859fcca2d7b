package dev.agentgateway.control.xds.server;

import dev.agentgateway.model.xds.XdsResources;
import io.grpc.Server;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The controller's Delta ADS server: proxies subscribe to their Gateway and receive what the {@link
 * XdsPublisher} publishes.
 *
 * <p>Runs on grpc-java's Netty transport with handlers on virtual threads rather than Helidon's
 * gRPC server (a preview in 4.5): grpc-java closes just the offending stream with a precise status
 * when a message is oversized (RESOURCE_EXHAUSTED) and lets us answer one that is not valid
 * protobuf with INVALID_ARGUMENT ({@link MalformedRequests}), behaviour proven on long-lived bidi
 * streams, which a config server facing many proxies needs.
 */
public final class XdsServer implements AutoCloseable {

  /** Server settings: port (0 = any free one), largest accepted request, served type URLs. */
  public record Options(int port, int maxInboundMessageBytes, Set<String> typeUrls) {

    /** The default xDS port. */
    public static final int DEFAULT_PORT = 9978;

    /** The default largest request, 4 MiB. */
    public static final int DEFAULT_MAX_INBOUND_MESSAGE_BYTES = 4 << 20;

    /** Validates the port and size; copies the type URLs. */
    public Options {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("xDS port must be 0..65535: " + port);
      }
      if (maxInboundMessageBytes <= 0) {
        throw new IllegalArgumentException(
            "xDS max inbound message size must be positive: " + maxInboundMessageBytes);
      }
      typeUrls = Set.copyOf(typeUrls);
      if (typeUrls.isEmpty()) {
        throw new IllegalArgumentException("xDS server needs at least one type URL");
      }
    }

    /** Defaults on {@code port}: 4 MiB requests, the agentgateway Resource type only. */
    public static Options onPort(int port) {
      return new Options(port, DEFAULT_MAX_INBOUND_MESSAGE_BYTES, Set.of(XdsResources.TYPE_URL));
    }

    /** All defaults. */
    public static Options defaults() {
      return onPort(DEFAULT_PORT);
    }
  }

  private final Server server;
  private final ExecutorService executor;
  private final XdsMetrics metrics;

  private XdsServer(Server server, ExecutorService executor, XdsMetrics metrics) {
    this.server = server;
    this.executor = executor;
    this.metrics = metrics;
  }

  /**
   * Starts serving {@code publisher}'s cache.
   *
   * @throws UncheckedIOException when the port cannot be bound
   */
  public static XdsServer start(Options options, XdsPublisher publisher, NackListener nacks) {
    return start(options, ServerSecurity.plaintext(), publisher, nacks);
  }

  /**
   * Starts serving {@code publisher}'s cache with {@code security}'s transport credentials and
   * authenticating interceptors.
   *
   * @throws UncheckedIOException when the port cannot be bound
   */
  public static XdsServer start(
      Options options, ServerSecurity security, XdsPublisher publisher, NackListener nacks) {
    return start(options, security, new XdsMetrics(), publisher, nacks);
  }

  /**
   * Starts serving with {@code metrics} created beforehand, so that the authenticating interceptors
   * in {@code security} count into the same place as the server.
   *
   * @throws UncheckedIOException when the port cannot be bound
   */
  public static XdsServer start(
      Options options,
      ServerSecurity security,
      XdsMetrics metrics,
      XdsPublisher publisher,
      NackListener nacks) {
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(publisher, "publisher");
    Objects.requireNonNull(nacks, "nacks");
    ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    Server server =
        NettyServerBuilder.forAddress(new InetSocketAddress(options.port()), security.credentials())
            .executor(executor)
            .maxInboundMessageSize(options.maxInboundMessageBytes())
            .addService(
                ServerInterceptors.intercept(
                    MalformedRequests.bind(
                        new AdsService(publisher, options.typeUrls(), metrics, nacks)),
                    security.interceptors()))
            .build();
    try {
      server.start();
    } catch (IOException e) {
      executor.shutdownNow();
      throw new UncheckedIOException(
          "cannot start xDS server on port " + options.port() + ": " + e.getMessage(), e);
    }
    return new XdsServer(server, executor, metrics);
  }

  /** The bound port. */
  public int port() {
    return server.getPort();
  }

  /** The server's counters and gauges. */
  public XdsMetrics metrics() {
    return metrics;
  }

  /** Stops accepting streams, cancels open ones and waits briefly for them to end. */
  public void stop() {
    server.shutdownNow();
    try {
      server.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      executor.shutdownNow();
    }
  }

  @Override
  public void close() {
    stop();
  }
}
