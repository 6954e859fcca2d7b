package dev.agentgateway.helm;

import static dev.agentgateway.helm.MockCluster.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;

/**
 * The images' Java runtime, short of building the images (no daemon or registry here): each app
 * runs on exactly the modules its Dockerfile jlinks (jdeps' list plus the Dockerfile's additions,
 * enforced with {@code --limit-modules}) and gets to ready: the controller against the mock API
 * server with xDS TLS, the proxy on a small config.
 */
class ImageRuntimeIT {
  private static final Pattern JLINK_EXTRAS =
      Pattern.compile("jlink --add-modules \"\\$\\{modules},([^\"]+)\"");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  /** A cold JVM on a busy 2-core machine: generous, since a wrong module shows as an exit. */
  private static final Duration START = Duration.ofSeconds(120);

  @Test
  void controllerRunsOnTheModulesItsImageLinks() throws Exception {
    Path jar = Charts.root().resolve("control/target/agentgateway-controller.jar");
    String modules = imageModules(Charts.root().resolve("control/Dockerfile"), jar);
    KubernetesMockServer api =
        new KubernetesMockServer(
            new Context(),
            new MockWebServer(),
            new HashMap<>(),
            new KubernetesCrudDispatcher(),
            false);
    api.init();
    try {
      Path kubeconfig = Files.createTempFile("kubeconfig", ".yaml");
      Files.writeString(
          kubeconfig,
          """
          apiVersion: v1
          kind: Config
          clusters: [{name: mock, cluster: {server: "%s", insecure-skip-tls-verify: true}}]
          users: [{name: test, user: {token: test}}]
          contexts: [{name: mock, context: {cluster: mock, user: test}}]
          current-context: mock
          """
              .formatted(api.createClient().getConfiguration().getMasterUrl()));
      int health = freePort();
      Map<String, String> env =
          Map.of(
              "KUBECONFIG", kubeconfig.toString(),
              "POD_NAMESPACE", "agentgateway-system",
              "AGW_XDS_MODE", "tls",
              "AGW_AGENTGATEWAY_XDS_SERVICE_PORT", Integer.toString(freePort()),
              "AGW_HEALTH_PORT", Integer.toString(health),
              "AGW_METRICS_PORT", Integer.toString(freePort()));
      Process controller = start(modules, jar, List.of(), env, "controller");
      try {
        await(
            "controller ready",
            START,
            () -> ok(controller, "http://127.0.0.1:" + health + "/readyz"));
      } finally {
        controller.destroy();
        controller.waitFor();
      }
      Files.delete(kubeconfig);
    } finally {
      api.destroy();
    }
  }

  @Test
  void proxyRunsOnTheModulesItsImageLinks() throws Exception {
    Path jar = Charts.root().resolve("proxy/target/agentgateway-proxy.jar");
    String modules = imageModules(Charts.root().resolve("proxy/Dockerfile"), jar);
    int readiness = freePort();
    String config =
        """
        config:
          adminAddr: 127.0.0.1:%d
          statsAddr: 127.0.0.1:%d
          readinessAddr: 127.0.0.1:%d
        binds:
        - port: %d
          listeners:
          - name: default
            protocol: HTTP
            routes:
            - name: nowhere
              backends:
              - host: 127.0.0.1:9
        """
            .formatted(freePort(), freePort(), readiness, freePort());
    Process proxy = start(modules, jar, List.of("-c", config), Map.of(), "proxy");
    try {
      await(
          "proxy ready",
          START,
          () -> ok(proxy, "http://127.0.0.1:" + readiness + "/healthz/ready"));
    } finally {
      proxy.destroy();
      proxy.waitFor();
    }
  }

  /** What the Dockerfile's jlink links: jdeps' answer for the jars plus the listed additions. */
  private static String imageModules(Path dockerfile, Path jar) throws IOException {
    Matcher extras = JLINK_EXTRAS.matcher(Files.readString(dockerfile));
    assertTrue(extras.find(), dockerfile + " jlinks jdeps' modules plus a list");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int rc =
        ToolProvider.findFirst("jdeps")
            .orElseThrow()
            .run(
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err,
                "--ignore-missing-deps",
                "--print-module-deps",
                "--multi-release",
                Integer.toString(Runtime.version().feature()),
                "--class-path",
                jar.resolveSibling("libs") + "/*",
                jar.toString());
    assertEquals(0, rc, "jdeps on " + jar);
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    return lines.getLast().trim() + "," + extras.group(1);
  }

  private static Process start(
      String modules, Path jar, List<String> args, Map<String, String> env, String name)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElseThrow());
    command.add("--limit-modules");
    command.add(modules);
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(args);
    Path log = Path.of("target").resolve(name + "-on-image-modules.log");
    Files.createDirectories(log.getParent());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().putAll(env);
    return builder.start();
  }

  /** True once {@code url} answers 200; fails at once if the process died (with its log). */
  private static boolean ok(Process process, String url) {
    if (!process.isAlive()) {
      throw new AssertionError(
          "exited with " + process.exitValue() + "; see target/*-on-image-modules.log");
    }
    try {
      return HTTP.send(
                  HttpRequest.newBuilder(URI.create(url)).build(),
                  HttpResponse.BodyHandlers.discarding())
              .statusCode()
          == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
