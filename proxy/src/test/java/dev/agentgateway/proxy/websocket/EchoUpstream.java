package dev.agentgateway.proxy.websocket;

import io.helidon.common.buffers.BufferData;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.http.WritableHeaders;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.websocket.WsRouting;
import io.helidon.websocket.WsListener;
import io.helidon.websocket.WsSession;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The backend behind the proxy: Helidon's own WebSocket echo endpoints plus plain HTTP routes, so
 * non-upgraded answers can be relayed too.
 */
final class EchoUpstream implements AutoCloseable {
  static final String PROTOCOL_HEADER = "Sec-WebSocket-Protocol";

  /** Headers of the last upgrade request, lower-case names, repeated values joined. */
  final AtomicReference<Map<String, String>> lastUpgrade = new AtomicReference<>();

  private final WebServer server;

  EchoUpstream() {
    WsListener echo = new Echo();
    server =
        WebServer.builder()
            .port(0)
            .addRouting(
                WsRouting.builder().endpoint("/ws/echo", echo).endpoint("/ws/closing", echo))
            .routing(
                r ->
                    r.get(
                            "/plain/hello",
                            (req, res) ->
                                res.header(HeaderNames.create("X-Upstream"), "yes")
                                    .send("hello from upstream"))
                        .get(
                            "/plain/chunked",
                            (req, res) -> {
                              try (OutputStream out = res.outputStream()) {
                                for (int i = 0; i < 3; i++) {
                                  out.write(("part" + i + ";").getBytes(StandardCharsets.UTF_8));
                                  out.flush();
                                }
                              }
                            })
                        .get("/http/hello", (req, res) -> res.send("hello over http")))
            .build()
            .start();
  }

  int port() {
    return server.port();
  }

  @Override
  public void close() {
    server.stop();
  }

  private final class Echo implements WsListener {
    @Override
    public void onMessage(WsSession session, String text, boolean last) {
      session.send(text, last);
    }

    @Override
    public void onMessage(WsSession session, BufferData buffer, boolean last) {
      session.send(buffer, last);
    }

    @Override
    public Optional<Headers> onHttpUpgrade(HttpPrologue prologue, Headers headers) {
      Map<String, String> seen = new TreeMap<>();
      headers.forEach(
          h -> seen.put(h.headerName().lowerCase().toLowerCase(Locale.ROOT), h.values()));
      lastUpgrade.set(seen);
      Optional<String> offered = headers.first(HeaderNames.create(PROTOCOL_HEADER));
      if (offered.isEmpty()) {
        return Optional.empty();
      }
      WritableHeaders<?> answer = WritableHeaders.create();
      answer.set(HeaderNames.create(PROTOCOL_HEADER), offered.get().split(",")[0].trim());
      return Optional.of(answer);
    }
  }
}
