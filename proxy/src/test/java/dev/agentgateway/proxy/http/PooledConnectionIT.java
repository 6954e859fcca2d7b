package dev.agentgateway.proxy.http;

import static dev.agentgateway.proxy.testing.ProxyFixture.local;
import static dev.agentgateway.proxy.testing.ProxyFixture.route;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.proxy.telemetry.RequestLog;
import dev.agentgateway.proxy.testing.ProxyFixture;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Upstream connections are reused, and one the upstream closed while idle is replaced. */
class PooledConnectionIT {

  /** An upstream answering {@code perConnection} requests per connection, then closing it. */
  private static Thread serve(ServerSocket server, int perConnection, AtomicInteger accepted) {
    return Thread.ofVirtual()
        .start(
            () -> {
              while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                  accepted.incrementAndGet();
                  InputStream in = socket.getInputStream();
                  OutputStream out = socket.getOutputStream();
                  for (int i = 0; i < perConnection; i++) {
                    if (!skipHead(in)) {
                      break;
                    }
                    out.write(
                        "HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                  }
                } catch (IOException e) {
                  // Server closed by the test.
                }
              }
            });
  }

  private static boolean skipHead(InputStream in) throws IOException {
    int matched = 0;
    int b;
    while ((b = in.read()) >= 0) {
      matched =
          (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
      if (matched == 4) {
        return true;
      }
    }
    return false;
  }

  private static HttpResponse<String> get(HttpClient client, ProxyFixture proxy) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(proxy.url("/"))).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void reusesOneConnectionForSequentialRequests() throws Exception {
    AtomicInteger accepted = new AtomicInteger();
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        HttpClient client = HttpClient.newHttpClient()) {
      Thread upstream = serve(server, 100, accepted);
      try (ProxyFixture proxy =
          ProxyFixture.start(route("r", "/", RoutePolicies.NONE, local(server.getLocalPort())))) {
        for (int i = 0; i < 5; i++) {
          assertEquals("ok", get(client, proxy).body());
        }
      }
      server.close();
      upstream.join();
    }
    assertEquals(1, accepted.get());
  }

  @Test
  void replacesAPooledConnectionTheUpstreamClosed() throws Exception {
    AtomicInteger accepted = new AtomicInteger();
    try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        HttpClient client = HttpClient.newHttpClient()) {
      Thread upstream = serve(server, 1, accepted);
      try (ProxyFixture proxy =
          ProxyFixture.start(route("r", "/", RoutePolicies.NONE, local(server.getLocalPort())))) {
        assertEquals(200, get(client, proxy).statusCode());
        proxy.nextLog();
        // Let the upstream's close reach the idle pooled connection.
        Thread.sleep(200);
        HttpResponse<String> second = get(client, proxy);
        assertEquals(200, second.statusCode());
        assertEquals("ok", second.body());
        RequestLog log = proxy.nextLog();
        assertEquals(1, log.retries());
      }
      server.close();
      upstream.join();
    }
    assertEquals(2, accepted.get());
  }
}
