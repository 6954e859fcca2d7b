package dev.agentgateway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal MCP streamable HTTP client for the MCP benchmark (bench/mcp.sh): one session per
 * instance (initialize, notifications/initialized), then JSON-RPC requests answered with JSON or
 * with an SSE stream, parsed either way. Kept apart from the gateway's own code so the bench
 * measures the gateway, not itself.
 */
final class McpBenchClient {
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final HttpClient http;
  private final URI url;
  private final AtomicLong ids = new AtomicLong();
  private String session;
  private String protocol;

  McpBenchClient(HttpClient http, URI url) {
    this.http = http;
    this.url = url;
  }

  /** An HTTP/1.1 client: the same protocol the gateway and the server speak to each other. */
  static HttpClient http() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }

  /** Opens the session: initialize, then notifications/initialized. */
  McpBenchClient initialize() throws IOException, InterruptedException {
    ObjectNode params = JSON.createObjectNode();
    params.put("protocolVersion", "2025-06-18");
    params.putObject("capabilities");
    params.putObject("clientInfo").put("name", "agw-bench").put("version", "1");
    HttpResponse<String> res = post(request("initialize", params));
    JsonNode answer = answer(res, "initialize");
    session = res.headers().firstValue("Mcp-Session-Id").orElse(null);
    protocol = answer.path("result").path("protocolVersion").asText("2025-06-18");
    ObjectNode note = JSON.createObjectNode();
    note.put("jsonrpc", "2.0");
    note.put("method", "notifications/initialized");
    HttpResponse<String> ack = post(note);
    if (ack.statusCode() / 100 != 2) {
      throw new IOException("notifications/initialized answered " + ack.statusCode());
    }
    return this;
  }

  /** Calls {@code tool} with {@code {"message": ...}} and checks that the echo came back. */
  void echo(String tool, String message) throws IOException, InterruptedException {
    ObjectNode params = JSON.createObjectNode();
    params.put("name", tool);
    params.putObject("arguments").put("message", message);
    JsonNode answer = answer(post(request("tools/call", params)), "tools/call");
    String text = answer.path("result").path("content").path(0).path("text").asText("");
    if (!text.contains(message)) {
      throw new IOException("tools/call " + tool + " did not echo: " + answer);
    }
  }

  /** Lists the tools (first page) and returns how many there are. */
  int listTools() throws IOException, InterruptedException {
    JsonNode answer = answer(post(request("tools/list", JSON.createObjectNode())), "tools/list");
    JsonNode tools = answer.path("result").path("tools");
    if (!tools.isArray() || tools.isEmpty()) {
      throw new IOException("tools/list returned no tools: " + answer);
    }
    return tools.size();
  }

  /**
   * Opens the session's GET stream; the future completes with the body once the response head
   * arrived (the caller reads from it and closes it).
   */
  CompletableFuture<HttpResponse<InputStream>> openStream() {
    HttpRequest.Builder get =
        HttpRequest.newBuilder(url).header("Accept", "text/event-stream").GET();
    headers(get);
    return http.sendAsync(get.build(), HttpResponse.BodyHandlers.ofInputStream());
  }

  String session() {
    return session;
  }

  private ObjectNode request(String method, ObjectNode params) {
    ObjectNode req = JSON.createObjectNode();
    req.put("jsonrpc", "2.0");
    req.put("id", ids.incrementAndGet());
    req.put("method", method);
    req.set("params", params);
    return req;
  }

  private HttpResponse<String> post(ObjectNode body) throws IOException, InterruptedException {
    HttpRequest.Builder req =
        HttpRequest.newBuilder(url)
            .timeout(TIMEOUT)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .POST(HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
    headers(req);
    return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
  }

  private void headers(HttpRequest.Builder req) {
    if (session != null) {
      req.header("Mcp-Session-Id", session);
    }
    if (protocol != null) {
      req.header("MCP-Protocol-Version", protocol);
    }
  }

  /** The JSON-RPC response in a JSON body or among an SSE body's message events. */
  private static JsonNode answer(HttpResponse<String> res, String method) throws IOException {
    if (res.statusCode() != 200) {
      throw new IOException(method + " answered " + res.statusCode() + ": " + res.body());
    }
    String type = res.headers().firstValue("Content-Type").orElse("");
    JsonNode answer = null;
    if (type.startsWith("text/event-stream")) {
      for (String line : res.body().split("\n")) {
        if (line.startsWith("data:")) {
          JsonNode message = JSON.readTree(line.substring(5).trim());
          if (message.has("result") || message.has("error")) {
            answer = message;
          }
        }
      }
    } else {
      answer = JSON.readTree(res.body());
    }
    if (answer == null || answer.has("error")) {
      throw new IOException(method + " failed: " + res.body());
    }
    return answer;
  }
}
