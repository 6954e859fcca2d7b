package dev.agentgateway.proxy.websocket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.FrontendHttp;
import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.RouteMatch;
import dev.agentgateway.model.ir.RoutePolicies;
import dev.agentgateway.proxy.server.Drain;
import dev.agentgateway.proxy.state.ProxyState;
import dev.agentgateway.proxy.state.StateHolder;
import dev.agentgateway.proxy.telemetry.RequestObserver;
import dev.agentgateway.proxy.testing.TestConfigs;
import io.helidon.webserver.WebServer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Byte-level behaviour of the tunnel against a backend that follows a script. */
class WebSocketTunnelIT {
  private static final String SWITCHING =
      "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n";

  private ScriptedBackend backend;
  private WebServer proxy;
  private Drain drain;

  @BeforeEach
  void start() throws Exception {
    backend = new ScriptedBackend();
    drain = new Drain();
    Route route =
        TestConfigs.route(
            "any",
            RouteMatch.ANY,
            RoutePolicies.NONE,
            List.of(new RouteBackend(new Backend.Host("127.0.0.1", backend.port()), 1)),
            0);
    // Port 0 in the bind: the selector only needs to find the same table again.
    GatewayConfig config = TestConfigs.oneListener(0, FrontendHttp.DEFAULT, List.of(route));
    StateHolder state = new StateHolder(ProxyState.compile(config, 1));
    proxy =
        WebServer.builder()
            .port(0)
            .update(WebSocketPassthrough.install(state, 0, RequestObserver.NOOP, drain))
            .routing(r -> r.any((req, res) -> res.status(500).send("not an upgrade")))
            .build()
            .start();
  }

  @AfterEach
  void stop() throws Exception {
    if (proxy != null) {
      proxy.stop();
    }
    if (backend != null) {
      backend.close();
    }
  }

  @Test
  void forwardsBytesThatArriveTogetherWithEitherHead() throws Exception {
    backend.next(
        socket -> {
          InputStream in = socket.getInputStream();
          ScriptedBackend.readHead(in);
          socket.getOutputStream().write(ascii(SWITCHING + "server-first"));
          assertEquals("client-early", new String(in.readNBytes(12), StandardCharsets.US_ASCII));
        });
    try (Socket client = connectClient("client-early")) {
      InputStream in = client.getInputStream();
      assertTrue(ScriptedBackend.readHead(in).startsWith("HTTP/1.1 101 "));
      assertEquals("server-first", new String(in.readNBytes(12), StandardCharsets.US_ASCII));
      assertEquals(-1, in.read(), "client closed after the backend closed");
    }
    backend.assertNoFailure();
  }

  @Test
  void letsTheBackendFinishAfterTheClientHalfCloses() throws Exception {
    backend.next(
        socket -> {
          InputStream in = socket.getInputStream();
          ScriptedBackend.readHead(in);
          OutputStream out = socket.getOutputStream();
          out.write(ascii(SWITCHING));
          byte[] request = in.readAllBytes(); // until the proxy shuts our input down
          out.write(ascii("got " + request.length + " bytes, bye"));
        });
    try (Socket client = connectClient("")) {
      InputStream in = client.getInputStream();
      ScriptedBackend.readHead(in);
      client.getOutputStream().write(new byte[5000]);
      client.shutdownOutput();
      assertEquals("got 5000 bytes, bye", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
    }
    backend.assertNoFailure();
  }

  @Test
  void countsTheSessionAsInFlightUntilItEnds() throws Exception {
    byte[] payload = new byte[300 * 1024];
    for (int i = 0; i < payload.length; i++) {
      payload[i] = (byte) i;
    }
    backend.next(
        socket -> {
          InputStream in = socket.getInputStream();
          ScriptedBackend.readHead(in);
          socket.getOutputStream().write(ascii(SWITCHING));
          socket.getOutputStream().write(in.readNBytes(payload.length));
          in.read(); // wait for the client to go away
        });
    try (Socket client = connectClient("")) {
      InputStream in = client.getInputStream();
      ScriptedBackend.readHead(in);
      client.getOutputStream().write(payload);
      assertArrayEquals(payload, in.readNBytes(payload.length));
      assertEquals(1, drain.inFlight());
    }
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (drain.inFlight() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(0, drain.inFlight());
    backend.assertNoFailure();
  }

  @Test
  void answers502WhenTheBackendDoesNotSpeakHttp() throws Exception {
    backend.next(
        socket -> {
          ScriptedBackend.readHead(socket.getInputStream());
          socket.getOutputStream().write(ascii("SSH-2.0-OpenSSH_9.2\r\n\r\n"));
        });
    RawExchange answer =
        RawExchange.send(proxy.port(), RawExchange.upgradeRequest("/x", proxy.port(), ""), true);
    assertEquals(502, answer.status());
    assertEquals("backend sent an invalid status line\n", answer.bodyText());
  }

  private Socket connectClient(String early) throws Exception {
    Socket client = new Socket("127.0.0.1", proxy.port());
    client.setSoTimeout(10_000);
    client
        .getOutputStream()
        .write(ascii(RawExchange.upgradeRequest("/tunnel", proxy.port(), "") + early));
    return client;
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }
}
