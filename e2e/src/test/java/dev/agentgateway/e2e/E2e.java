package dev.agentgateway.e2e;

import dev.agentgateway.model.config.ConfigException;
import dev.agentgateway.model.config.ConfigJson;
import dev.agentgateway.model.config.LocalConfigLoader;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.proxy.ProxyRuntime;
import dev.agentgateway.proxy.server.BindCustomizer;
import dev.agentgateway.proxy.xds.XdsSettings;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/** What the end-to-end tests share: upstreams, free ports, polling, requests, an xDS proxy. */
final class E2e {
  static final Duration WAIT = Duration.ofSeconds(20);

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private E2e() {}

  /** A loopback HTTP server answering every request with {@code body}. */
  static WebServer upstreamSaying(String body) {
    return WebServer.builder()
        .host("127.0.0.1")
        .port(0)
        .shutdownHook(false)
        .routing(r -> r.any((req, res) -> res.send(body)))
        .build()
        .start();
  }

  /** A port free right now. */
  static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Polls {@code condition} every 20 ms until it holds or {@code timeout} passes. */
  static boolean eventually(Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return condition.getAsBoolean();
  }

  /** The body of a GET to loopback {@code port}, or the exception's class name when it fails. */
  static String body(int port, String path) {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    try {
      return CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      return e.getClass().getSimpleName();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /**
   * Runs a read-modify-write against the API server again when it conflicts (409) with the
   * controller's own concurrent writes, as any Kubernetes client must.
   */
  static void retryOnConflict(Runnable edit) {
    for (int attempt = 0; ; attempt++) {
      try {
        edit.run();
        return;
      } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
        if (e.getCode() != 409 || attempt == 5) {
          throw e;
        }
      }
    }
  }

  /** Parses a standalone config; a test's own YAML is expected to be valid. */
  static GatewayConfig parse(String yaml) {
    try {
      return new LocalConfigLoader(Map.of()).parse(yaml);
    } catch (ConfigException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** The binds, listeners and routes of {@code config}, as a publisher takes them. */
  static List<Object> resources(GatewayConfig config) {
    List<Object> resources = new ArrayList<>();
    resources.addAll(config.binds());
    resources.addAll(config.listeners());
    resources.addAll(config.routes());
    return resources;
  }

  /** A real proxy in xDS mode, its identity and controller taken from {@code env}. */
  static ProxyRuntime xdsProxy(Map<String, String> env) throws Exception {
    LocalConfigLoader loader = new LocalConfigLoader(Map.of());
    return ProxyRuntime.start(
        new ProxyRuntime.Settings(
            loader.parse(
                """
                config:
                  adminAddr: 127.0.0.1:0
                  statsAddr: 127.0.0.1:0
                  readinessAddr: 127.0.0.1:0
                """),
            null,
            loader::parse,
            "test",
            null,
            BindCustomizer.NONE,
            ConfigJson::render,
            XdsSettings.fromEnv(env)));
  }
}
