package dev.agentgateway.proxy.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.agentgateway.proxy.testing.ShellTesting;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class DemoBackendIT {
  private DemoBackend demo;
  private String base;

  @BeforeEach
  void start() {
    demo = DemoBackend.start(0);
    base = "http://127.0.0.1:" + demo.port();
  }

  @AfterEach
  void stop() {
    demo.close();
  }

  @Test
  void greetsOnTheRootPath() throws Exception {
    HttpResponse<String> res = ShellTesting.get(base + "/");
    assertEquals(200, res.statusCode());
    assertTrue(res.body().startsWith("Hello from agentgateway!"), res.body());
  }

  @Test
  void echoesTheRequestAndRedactsCredentials() throws Exception {
    HttpResponse<String> res =
        ShellTesting.send(
            HttpRequest.newBuilder(URI.create(base + "/echo?x=1"))
                .header("Authorization", "Bearer secret-token")
                .header("X-Trace", "abc")
                .POST(HttpRequest.BodyPublishers.ofString("12345"))
                .build());
    JsonNode echo = new ObjectMapper().readTree(res.body());
    assertEquals("POST", echo.get("method").asText());
    assertEquals("/echo", echo.get("path").asText());
    assertEquals("x=1", echo.get("query").asText());
    assertEquals("abc", echo.at("/headers/x-trace/0").asText());
    assertEquals("[redacted]", echo.at("/headers/authorization/0").asText());
    assertEquals(5, echo.get("bodyBytes").asInt());
    assertFalse(res.body().contains("secret-token"), res.body());
  }

  @Test
  void streamsEventsSpreadOutNotAllAtTheEnd() throws Exception {
    HttpResponse<InputStream> res =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(base + "/sse")).build(),
                HttpResponse.BodyHandlers.ofInputStream());
    assertEquals("text/event-stream", res.headers().firstValue("content-type").orElse(""));
    List<Long> arrivals = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        if (line.startsWith("data: ")) {
          arrivals.add(System.nanoTime());
        }
      }
    }
    assertEquals(DemoBackend.SSE_EVENTS, arrivals.size());
    long spreadMillis = (arrivals.getLast() - arrivals.getFirst()) / 1_000_000;
    assertTrue(spreadMillis >= 400, "events arrived within " + spreadMillis + " ms");
  }
}
