package dev.agentgateway.proxy.http;

import static dev.agentgateway.proxy.testing.ProxyFixture.local;
import static dev.agentgateway.proxy.testing.ProxyFixture.route;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.proxy.telemetry.RequestLog;
import dev.agentgateway.proxy.testing.ProxyFixture;
import dev.agentgateway.proxy.testing.Upstream;
import io.helidon.http.HeaderValues;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bodies stream through the proxy as they are produced, and broken upstreams abort cleanly. */
class StreamingIT {
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  void serverSentEventsArriveOneByOne() throws Exception {
    try (Upstream upstream =
            Upstream.start(
                r ->
                    r.get(
                        "/events",
                        (req, res) -> {
                          res.header(HeaderValues.CONTENT_TYPE_EVENT_STREAM);
                          try (OutputStream out = res.outputStream()) {
                            for (int i = 0; i < 4; i++) {
                              out.write(
                                  ("data: tick " + i + "\n\n").getBytes(StandardCharsets.UTF_8));
                              out.flush();
                              Thread.sleep(300);
                            }
                          }
                        }));
        ProxyFixture proxy = ProxyFixture.start(route("sse", "/", null, local(upstream.port())))) {
      HttpResponse<InputStream> response =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(proxy.url("/events"))).build(),
              HttpResponse.BodyHandlers.ofInputStream());
      List<Long> arrivals = new ArrayList<>();
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = reader.readLine()) != null) {
          if (line.startsWith("data: ")) {
            arrivals.add(System.nanoTime());
          }
        }
      }
      assertEquals(4, arrivals.size());
      assertEquals(
          "text/event-stream", response.headers().firstValue("content-type").orElseThrow());
      for (int i = 1; i < arrivals.size(); i++) {
        long gapMillis = (arrivals.get(i) - arrivals.get(i - 1)) / 1_000_000;
        assertTrue(
            gapMillis >= 150, "event " + i + " arrived " + gapMillis + " ms after the previous");
      }
    }
  }

  @Test
  void upstreamResetMidBodyAbortsTheResponseAndTheProxyKeepsServing() throws Exception {
    try (RawHttp.OneShotServer broken =
            new RawHttp.OneShotServer(
                (socket, out) -> {
                  out.write(
                      "HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\npartial-body"
                          .getBytes(StandardCharsets.ISO_8859_1));
                  out.flush();
                  sleep(100);
                  socket.setSoLinger(true, 0);
                  socket.close();
                });
        Upstream healthy = Upstream.start(r -> r.get("/ok", (req, res) -> res.send("fine")));
        ProxyFixture proxy =
            ProxyFixture.start(
                route("broken", "/broken", null, local(broken.port())),
                route("ok", "/", null, local(healthy.port())))) {
      HttpResponse<InputStream> response =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(proxy.url("/broken"))).build(),
              HttpResponse.BodyHandlers.ofInputStream());
      assertEquals(200, response.statusCode());
      assertThrows(IOException.class, () -> response.body().readAllBytes());
      RequestLog log = proxy.nextLog();
      assertEquals(200, log.status());
      assertEquals("upstream reset mid-body", log.reason());

      HttpResponse<String> next =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(proxy.url("/ok"))).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(200, next.statusCode());
      assertEquals("fine", next.body());
    }
  }

  @Test
  void upstreamClosingBeforeAnswering502() throws Exception {
    try (RawHttp.OneShotServer mute = new RawHttp.OneShotServer((socket, out) -> socket.close());
        ProxyFixture proxy = ProxyFixture.start(route("mute", "/", null, local(mute.port())))) {
      HttpResponse<String> response =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(proxy.url("/x"))).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(502, response.statusCode());
      assertEquals("upstream reset", response.body());
    }
  }

  @Test
  void garbageFromUpstreamIs502() throws Exception {
    try (RawHttp.OneShotServer garbage =
            new RawHttp.OneShotServer(
                (socket, out) ->
                    out.write("NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1)));
        ProxyFixture proxy =
            ProxyFixture.start(route("garbage", "/", null, local(garbage.port())))) {
      HttpResponse<String> response =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create(proxy.url("/x"))).build(),
              HttpResponse.BodyHandlers.ofString());
      assertEquals(502, response.statusCode());
      assertTrue(response.body().startsWith("upstream"), response.body());
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
