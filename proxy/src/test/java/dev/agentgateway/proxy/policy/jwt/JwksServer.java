package dev.agentgateway.proxy.policy.jwt;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** A JWKS endpoint on a free loopback port that counts fetches and can fail on demand. */
final class JwksServer implements AutoCloseable {
  private final HttpServer server;
  private final AtomicInteger fetches = new AtomicInteger();
  private volatile String body = "{\"keys\":[]}";
  private volatile int status = 200;

  JwksServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/jwks",
        exchange -> {
          fetches.incrementAndGet();
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json");
          exchange.sendResponseHeaders(status, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
  }

  URI url() {
    return URI.create(
        "http://"
            + server.getAddress().getHostString()
            + ":"
            + server.getAddress().getPort()
            + "/jwks");
  }

  void serve(List<JWK> keys) {
    body = new JWKSet(keys).toPublicJWKSet().toString();
    status = 200;
  }

  void fail(int status) {
    this.status = status;
    body = "down";
  }

  int fetches() {
    return fetches.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
