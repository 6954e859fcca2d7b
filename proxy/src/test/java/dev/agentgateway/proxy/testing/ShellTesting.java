package dev.agentgateway.proxy.testing;

import dev.agentgateway.model.config.ConfigException;
import dev.agentgateway.model.config.ConfigJson;
import dev.agentgateway.model.config.LocalConfigLoader;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.proxy.ProxyMain;
import dev.agentgateway.proxy.ProxyRuntime;
import dev.agentgateway.proxy.server.BindCustomizer;
import dev.agentgateway.proxy.server.BindFailedException;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRules;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Shared helpers for the server-shell integration tests: ports, configs, clients, processes. */
public final class ShellTesting {
  /** A static section that keeps admin, stats and readiness on free loopback ports. */
  public static final String LOOPBACK_ADMIN =
      """
      config:
        adminAddr: 127.0.0.1:0
        statsAddr: 127.0.0.1:0
        readinessAddr: 127.0.0.1:0
      """;

  private static final HttpClient CLIENT =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private ShellTesting() {}

  /** A port that was free a moment ago. */
  public static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One bind on {@code port} whose only route sends everything to {@code upstreamPort}. */
  public static String oneRoute(int port, String routeName, int upstreamPort) {
    return """
        binds:
        - port: %d
          listeners:
          - protocol: HTTP
            routes:
            - name: %s
              backends:
              - host: 127.0.0.1:%d
        """
        .formatted(port, routeName, upstreamPort);
  }

  /** Parses YAML with the real loader and an empty environment. */
  public static GatewayConfig parse(String yaml) {
    try {
      return new LocalConfigLoader(Map.of()).parse(yaml);
    } catch (ConfigException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
  }

  /** Starts the proxy components in this JVM (no process logging installed). */
  public static ProxyRuntime start(GatewayConfig config, Path watchFile)
      throws BindFailedException, IOException {
    LocalConfigLoader loader = new LocalConfigLoader(Map.of());
    return ProxyRuntime.start(
        new ProxyRuntime.Settings(
            config,
            watchFile,
            loader::parse,
            "test",
            null,
            BindCustomizer.NONE,
            ConfigJson::render));
  }

  /** A Helidon upstream on a free loopback port. */
  public static WebServer upstream(Consumer<HttpRules> routes) {
    return WebServer.builder()
        .host("127.0.0.1")
        .port(0)
        .shutdownHook(false)
        .routing(routes::accept)
        .build()
        .start();
  }

  /** An upstream answering every request with {@code body}. */
  public static WebServer upstreamSaying(String body) {
    return upstream(r -> r.any((req, res) -> res.send(body)));
  }

  /** GET over HTTP/1.1. */
  public static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return send(HttpRequest.newBuilder(URI.create(url)).GET().build());
  }

  /** Sends {@code request} with a 20 s timeout. */
  public static HttpResponse<String> send(HttpRequest request)
      throws IOException, InterruptedException {
    HttpRequest timed =
        HttpRequest.newBuilder(request, (n, v) -> true).timeout(Duration.ofSeconds(20)).build();
    return CLIENT.send(timed, HttpResponse.BodyHandlers.ofString());
  }

  /** The body of a GET, or the exception's class name when it fails. */
  public static String bodyOrError(String url) {
    try {
      return get(url).body();
    } catch (IOException e) {
      return e.getClass().getSimpleName();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    }
  }

  /**
   * Writes {@code request} on {@code socket} and returns the response's status line, reading no
   * further (Helidon keeps HTTP/1.1 connections open even after {@code Connection: close}).
   */
  public static String rawRequest(Socket socket, String request) throws IOException {
    socket.setSoTimeout(10_000);
    OutputStream out = socket.getOutputStream();
    out.write(request.getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    InputStream in = socket.getInputStream();
    StringBuilder line = new StringBuilder();
    int c;
    while ((c = in.read()) != -1 && c != '\n') {
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  /** Polls {@code condition} every 50 ms until it holds or {@code timeout} passes. */
  public static boolean eventually(Duration timeout, BooleanSupplier condition)
      throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(50);
    }
    return condition.getAsBoolean();
  }

  /**
   * A {@code java} command running {@link ProxyMain} with this test JVM's classpath.
   *
   * @param args the proxy's arguments
   */
  public static ProcessBuilder proxyProcess(String... args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(ProxyMain.class.getName());
    cmd.addAll(List.of(args));
    return new ProcessBuilder(cmd);
  }
}
