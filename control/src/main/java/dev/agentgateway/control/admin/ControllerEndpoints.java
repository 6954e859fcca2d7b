package dev.agentgateway.control.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Health on one port ({@code /healthz} live, {@code /readyz} ready once the first translation ran)
 * and Prometheus metrics on another ({@code /metrics}), as upstream serves them on 9093 and 9092.
 * The JDK's server is enough for two probes and a scrape, and keeps Helidon out of the controller.
 */
public final class ControllerEndpoints implements AutoCloseable {
  private final HttpServer health;
  private final HttpServer metrics;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

  private ControllerEndpoints(HttpServer health, HttpServer metrics) {
    this.health = health;
    this.metrics = metrics;
  }

  /**
   * Serves health on {@code healthPort} and metrics on {@code metricsPort} (0 = any free port).
   *
   * @throws UncheckedIOException when a port cannot be bound
   */
  public static ControllerEndpoints start(
      int healthPort, int metricsPort, BooleanSupplier ready, Supplier<String> prometheusText) {
    try {
      HttpServer health = HttpServer.create(new InetSocketAddress(healthPort), 0);
      HttpServer metrics = HttpServer.create(new InetSocketAddress(metricsPort), 0);
      ControllerEndpoints endpoints = new ControllerEndpoints(health, metrics);
      health.setExecutor(endpoints.executor);
      metrics.setExecutor(endpoints.executor);
      health.createContext("/healthz", text(() -> 200, () -> "ok\n", "text/plain"));
      health.createContext(
          "/readyz",
          text(
              () -> ready.getAsBoolean() ? 200 : 503,
              () -> ready.getAsBoolean() ? "ok\n" : "not ready: first translation pending\n",
              "text/plain"));
      metrics.createContext(
          "/metrics", text(() -> 200, prometheusText, "text/plain; version=0.0.4; charset=utf-8"));
      health.start();
      metrics.start();
      return endpoints;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot bind health port " + healthPort + " or metrics port " + metricsPort, e);
    }
  }

  /** The bound health port. */
  public int healthPort() {
    return health.getAddress().getPort();
  }

  /** The bound metrics port. */
  public int metricsPort() {
    return metrics.getAddress().getPort();
  }

  private static HttpHandler text(
      java.util.function.IntSupplier status, Supplier<String> body, String contentType) {
    return (HttpExchange exchange) -> {
      try (exchange) {
        byte[] bytes = body.get().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status.getAsInt(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    };
  }

  @Override
  public void close() {
    health.stop(0);
    metrics.stop(0);
    executor.shutdownNow();
  }
}
