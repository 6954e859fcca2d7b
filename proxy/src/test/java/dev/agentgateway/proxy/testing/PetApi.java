package dev.agentgateway.proxy.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;

/**
 * A small REST API on a free loopback port for OpenAPI target tests, serving {@code
 * /openapi/petstore.json} under {@code /api}. It records every request as received: method, raw
 * (still percent-encoded) path and query, one header and the body.
 *
 * <p>{@code GET /api/pets/{id}} answers 404 for id {@code missing}, 500 for {@code boom}, a 5 MiB
 * body for {@code huge}, and a JSON pet otherwise.
 */
public final class PetApi implements AutoCloseable {
  /** One request as the API saw it. */
  public record Seen(String method, String rawTarget, String requestId, String body) {}

  private final HttpServer server;
  private final ConcurrentLinkedQueue<Seen> seen = new ConcurrentLinkedQueue<>();

  private PetApi() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  public static PetApi start() {
    try {
      return new PetApi();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  /** Every request so far, in order. */
  public List<Seen> seen() {
    return List.copyOf(seen);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String rawPath = ex.getRequestURI().getRawPath();
      String rawQuery = ex.getRequestURI().getRawQuery();
      seen.add(
          new Seen(
              ex.getRequestMethod(),
              rawQuery == null ? rawPath : rawPath + "?" + rawQuery,
              ex.getRequestHeaders().getFirst("X-Request-Id"),
              body));
      String method = ex.getRequestMethod();
      if (method.equals("GET") && rawPath.equals("/api/pets")) {
        reply(ex, 200, "[{\"id\":\"1\",\"name\":\"Rex\"}]");
      } else if (method.equals("POST") && rawPath.equals("/api/pets")) {
        reply(ex, 201, body);
      } else if (rawPath.startsWith("/api/pets/") && rawPath.indexOf('/', 10) < 0) {
        String id =
            URLDecoder.decode(rawPath.substring(10).replace("+", "%2B"), StandardCharsets.UTF_8);
        switch (id) {
          case "missing" -> reply(ex, 404, "{\"error\":\"no such pet\"}");
          case "boom" -> reply(ex, 500, "internal trouble");
          case "huge" -> reply(ex, 200, "x".repeat(5 * 1024 * 1024));
          default ->
              reply(
                  ex,
                  method.equals("DELETE") ? 204 : 200,
                  method.equals("DELETE") ? "" : "{\"id\":\"" + id + "\",\"name\":\"Rex\"}");
        }
      } else {
        reply(ex, 404, "not found");
      }
    }
  }

  private static void reply(HttpExchange ex, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/json");
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = ex.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
