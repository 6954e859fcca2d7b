package dev.agentgateway.proxy.server;

import static dev.agentgateway.proxy.testing.ShellTesting.eventually;
import static dev.agentgateway.proxy.testing.ShellTesting.freePort;
import static dev.agentgateway.proxy.testing.ShellTesting.oneRoute;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.proxy.testing.ShellTesting;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(180)
class GracefulShutdownIT {
  private static final int IN_FLIGHT = 5;
  private static final String SLOW_BODY = "0123456789abcdef".repeat(4096);

  @TempDir Path dir;

  /** The lines written so far to {@code file}. */
  private static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return List.of("<cannot read " + file + ": " + e + ">");
    }
  }

  private static HttpClient newClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5))
        .build();
  }

  @Test
  void sigtermLetsInFlightRequestsFinishThenRefusesAndExitsZero() throws Exception {
    CountDownLatch arrived = new CountDownLatch(IN_FLIGHT);
    WebServer upstream =
        ShellTesting.upstream(
            r ->
                r.get("/fast", (req, res) -> res.send("fast"))
                    .get(
                        "/slow",
                        (req, res) -> {
                          arrived.countDown();
                          Thread.sleep(3000);
                          res.send(SLOW_BODY);
                        }));
    int port = freePort();
    int readiness = freePort();
    Path cfg =
        Files.writeString(
            dir.resolve("cfg.yaml"),
            """
            config:
              adminAddr: 127.0.0.1:0
              statsAddr: 127.0.0.1:0
              readinessAddr: 127.0.0.1:%d
            """
                    .formatted(readiness)
                + oneRoute(port, "main", upstream.port()));
    ProcessBuilder pb = ShellTesting.proxyProcess("-f", cfg.toString());
    pb.environment().remove("RUST_LOG");
    pb.environment().put("CONNECTION_MIN_TERMINATION_DEADLINE", "1s");
    pb.environment().put("TERMINATION_GRACE_PERIOD_SECONDS", "15");
    Path stdout = dir.resolve("stdout.log");
    Path stderr = dir.resolve("stderr.log");
    pb.redirectOutput(stdout.toFile()).redirectError(stderr.toFile());
    Process proxy = pb.start();
    try {
      assertTrue(
          eventually(
              Duration.ofSeconds(60),
              () -> lines(stdout).stream().anyMatch(l -> l.contains(" ready:"))),
          "proxy did not start: " + lines(stdout) + lines(stderr));
      String base = "http://127.0.0.1:" + port;
      HttpClient client = newClient();
      assertEquals("fast", client.send(get(base + "/fast"), ofString()).body());

      List<CompletableFuture<HttpResponse<String>>> inFlight = new ArrayList<>();
      for (int i = 0; i < IN_FLIGHT; i++) {
        inFlight.add(newClient().sendAsync(get(base + "/slow"), ofString()));
      }
      assertTrue(arrived.await(20, TimeUnit.SECONDS), "requests did not reach the upstream");

      proxy.destroy(); // SIGTERM

      // The signal reaches the JVM asynchronously: poll until readiness turns.
      int readyStatus = 0;
      long readyDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
      while (System.nanoTime() < readyDeadline) {
        readyStatus =
            newClient()
                .send(get("http://127.0.0.1:" + readiness + "/healthz/ready"), ofString())
                .statusCode();
        if (readyStatus == 503) {
          break;
        }
        Thread.sleep(20);
      }
      assertEquals(503, readyStatus);

      // Past the minimum termination window (1 s, counted from when the proxy showed it had the
      // signal), a new connection gets no answer.
      Thread.sleep(1500);
      assertThrows(IOException.class, () -> newClient().send(get(base + "/fast"), ofString()));

      for (CompletableFuture<HttpResponse<String>> f : inFlight) {
        HttpResponse<String> res = f.get(20, TimeUnit.SECONDS);
        assertEquals(200, res.statusCode());
        assertEquals(SLOW_BODY, res.body());
      }

      assertTrue(proxy.waitFor(15, TimeUnit.SECONDS), "proxy did not exit within the grace period");
      String output = String.join("\n", lines(stdout)) + "\n" + String.join("\n", lines(stderr));
      assertEquals(0, proxy.exitValue(), output);
      assertTrue(output.contains("shutdown complete"), output);
      assertNotEquals("fast", ShellTesting.bodyOrError(base + "/fast"), "still answering");
    } finally {
      proxy.destroyForcibly();
      upstream.stop();
    }
  }

  private static HttpRequest get(String url) {
    return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).build();
  }

  private static HttpResponse.BodyHandler<String> ofString() {
    return HttpResponse.BodyHandlers.ofString();
  }
}
