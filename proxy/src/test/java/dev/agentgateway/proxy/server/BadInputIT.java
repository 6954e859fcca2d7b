package dev.agentgateway.proxy.server;

import static dev.agentgateway.proxy.testing.ShellTesting.LOOPBACK_ADMIN;
import static dev.agentgateway.proxy.testing.ShellTesting.freePort;
import static dev.agentgateway.proxy.testing.ShellTesting.get;
import static dev.agentgateway.proxy.testing.ShellTesting.oneRoute;
import static dev.agentgateway.proxy.testing.ShellTesting.parse;
import static dev.agentgateway.proxy.testing.ShellTesting.rawRequest;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.proxy.ProxyRuntime;
import dev.agentgateway.proxy.testing.ShellTesting;
import io.helidon.webserver.WebServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(120)
class BadInputIT {
  @TempDir Path dir;
  private WebServer upstream;
  private ProxyRuntime proxy;
  private int port;

  @BeforeEach
  void start() throws Exception {
    upstream = ShellTesting.upstreamSaying("fine");
    port = freePort();
    proxy =
        ShellTesting.start(
            parse(
                LOOPBACK_ADMIN
                    + """
                    frontendPolicies:
                      http:
                        http2MaxHeaderSize: 1024
                        http1MaxHeaders: 10
                    """
                    + oneRoute(port, "main", upstream.port())),
            null);
  }

  @AfterEach
  void stop() {
    proxy.close();
    upstream.stop();
  }

  private String status(String request) throws Exception {
    try (Socket s = new Socket("127.0.0.1", port)) {
      return rawRequest(s, request);
    }
  }

  private void stillServing() throws Exception {
    assertEquals("fine", get("http://127.0.0.1:" + port + "/").body());
  }

  @Test
  void aMalformedRequestLineGets400AndTheServerKeepsServing() throws Exception {
    assertEquals("HTTP/1.1 400 Bad Request", status("GET /a b HTTP/1.1\r\nHost: x\r\n\r\n"));
    assertEquals("HTTP/1.1 400 Bad Request", status("GARBAGE HTTP/1.1\r\n\r\n"));
    stillServing();
  }

  @Test
  void headersBeyondTheConfiguredSizeGet400() throws Exception {
    // Helidon answers an oversized header section with 400 (hyper would send 431).
    String big = "x".repeat(2000);
    assertEquals(
        "HTTP/1.1 400 Bad Request",
        status("GET / HTTP/1.1\r\nHost: x\r\nX-Big: " + big + "\r\n\r\n"));
    stillServing();
  }

  @Test
  void moreHeadersThanAllowedGet431() throws Exception {
    StringBuilder req = new StringBuilder("GET / HTTP/1.1\r\nHost: x\r\n");
    for (int i = 0; i < 12; i++) {
      req.append("X-H").append(i).append(": v\r\n");
    }
    assertEquals(
        "HTTP/1.1 431 Request Header Fields Too Large", status(req.append("\r\n").toString()));
    assertEquals(
        "HTTP/1.1 200 OK", status("GET / HTTP/1.1\r\nHost: x\r\nX-One: 1\r\nX-Two: 2\r\n\r\n"));
  }

  @Test
  void anInvalidContentLengthGets400() throws Exception {
    assertEquals(
        "HTTP/1.1 400 Bad Request",
        status("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\nhello"));
    stillServing();
  }

  /** Runs the proxy as a child process and returns its exit status and output. */
  private record Exit(int code, String stdout, String stderr) {}

  private static Exit runProcess(String... args) throws Exception {
    Process p = ShellTesting.proxyProcess(args).start();
    try {
      p.getOutputStream().close();
      boolean done = p.waitFor(60, TimeUnit.SECONDS);
      assertTrue(done, "the proxy process did not exit");
      return new Exit(
          p.exitValue(),
          new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
          new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void validateOnlyRejectsAnUnknownFieldAndABadRegexNamingTheirPaths() throws Exception {
    Path bad =
        Files.writeString(
            dir.resolve("bad.yaml"),
            """
            binds:
            - port: 8080
              listenrs: []
            - port: 8081
              listeners:
              - protocol: HTTP
                routes:
                - matches:
                  - path:
                      regex: "a[b"
                  backends:
                  - host: 127.0.0.1:9000
            """);
    Exit exit = runProcess("--validate-only", "-f", bad.toString());
    assertEquals(1, exit.code(), exit.stderr());
    assertTrue(exit.stderr().contains("binds[0].listenrs: "), exit.stderr());
    assertTrue(
        exit.stderr().contains("binds[1].listeners[0].routes[0].matches[0].path.regex: "),
        exit.stderr());
    assertEquals("", exit.stdout());
  }

  @Test
  void aPortInUseAtStartupExitsNonZeroNamingThePort() throws Exception {
    try (ServerSocket squatter = new ServerSocket()) {
      squatter.bind(new InetSocketAddress("0.0.0.0", 0));
      int busy = squatter.getLocalPort();
      Path cfg =
          Files.writeString(
              dir.resolve("busy.yaml"), LOOPBACK_ADMIN + oneRoute(busy, "r", upstream.port()));
      Exit exit = runProcess("-f", cfg.toString());
      assertEquals(1, exit.code(), exit.stderr());
      assertTrue(
          exit.stderr().contains("bind/" + busy + ": port " + busy + " is already in use"),
          exit.stderr());
    }
  }
}
