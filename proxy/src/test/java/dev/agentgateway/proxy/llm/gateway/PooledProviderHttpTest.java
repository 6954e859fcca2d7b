package dev.agentgateway.proxy.llm.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.BackendTlsPolicy;
import dev.agentgateway.model.testing.TestPki;
import dev.agentgateway.proxy.http.upstream.ConnectionPool;
import dev.agentgateway.proxy.llm.provider.ProviderEndpoint;
import dev.agentgateway.proxy.tls.UpstreamTls;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The provider client over the proxy's pooled HTTP/1.1 connections: TLS with SNI and the configured
 * trust, headers sent as built, the head's timeout, and a resend when a pooled connection was
 * closed.
 */
@Timeout(30)
class PooledProviderHttpTest {
  private static final TestPki.Issued CA = TestPki.ca("provider CA");
  private static final TestPki.Issued SERVER = CA.server("provider", "localhost");
  private static final BackendTlsPolicy DEFAULT_ROOTS =
      new BackendTlsPolicy(null, null, null, null, false, false, List.of(), List.of());

  private final ConnectionPool pool =
      new ConnectionPool(Duration.ofSeconds(2), Duration.ofSeconds(30), 0);
  private final List<String> heads = new CopyOnWriteArrayList<>();
  private final List<String> serverNames = new CopyOnWriteArrayList<>();
  private ServerSocket server;

  @AfterEach
  void stop() throws IOException {
    pool.close();
    if (server != null) {
      server.close();
    }
  }

  @Test
  void sendsOverTlsWithTheProvidersNameAsSni() throws Exception {
    server = tlsServer();
    serve(true, true);
    UpstreamTls tls =
        UpstreamTls.compile(
            new BackendTlsPolicy(
                null, null, CA.certPem(), null, false, false, List.of(), List.of()));
    PooledProviderHttp http = new PooledProviderHttp(pool, tls, Duration.ofSeconds(30));

    ProviderHttp.Answer answer = http.send(request(true, Duration.ofSeconds(5)));

    assertEquals(200, answer.status());
    assertEquals("ok", new String(answer.body().readAllBytes(), StandardCharsets.UTF_8));
    assertEquals(List.of("localhost"), serverNames);
  }

  @Test
  void refusesAProviderTheDefaultRootsDoNotTrust() throws Exception {
    server = tlsServer();
    serve(true, true);
    PooledProviderHttp http =
        new PooledProviderHttp(pool, UpstreamTls.compile(DEFAULT_ROOTS), Duration.ofSeconds(30));

    IOException e =
        assertThrows(IOException.class, () -> http.send(request(true, Duration.ofSeconds(5))));

    assertTrue(e.getMessage().contains("TLS handshake with localhost"), e.getMessage());
  }

  @Test
  void sendsTheHeadersAsBuiltOverPlainHttp() throws Exception {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    serve(false, true);
    PooledProviderHttp http = new PooledProviderHttp(pool, null, Duration.ofSeconds(30));

    ProviderHttp.Answer answer = http.send(request(false, Duration.ofSeconds(5)));
    answer.body().readAllBytes();

    String head = heads.get(0).toLowerCase(Locale.ROOT);
    assertTrue(head.startsWith("post /v1/chat/completions?x=1 http/1.1\r\n"), head);
    assertTrue(head.contains("host: localhost:" + server.getLocalPort() + "\r\n"), head);
    assertTrue(head.contains("content-length: 2\r\n"), head);
    assertTrue(head.contains("authorization: bearer k\r\n"), head);
    assertEquals(1, head.split("\r\nhost:", -1).length - 1, head);
  }

  @Test
  void failsWithATimeoutWhenTheHeadDoesNotCome() throws Exception {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    serve(false, false);
    PooledProviderHttp http = new PooledProviderHttp(pool, null, Duration.ofSeconds(30));

    assertThrows(
        SocketTimeoutException.class, () -> http.send(request(false, Duration.ofMillis(200))));
  }

  @Test
  void resendsOnAnotherConnectionWhenAPooledOneWasClosed() throws Exception {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    serve(false, true); // answers one request per connection, then closes it
    PooledProviderHttp http = new PooledProviderHttp(pool, null, Duration.ofSeconds(30));

    for (int i = 0; i < 3; i++) {
      ProviderHttp.Answer answer = http.send(request(false, Duration.ofSeconds(5)));
      assertEquals(200, answer.status());
      assertEquals("ok", new String(answer.body().readAllBytes(), StandardCharsets.UTF_8));
    }
    assertEquals(3, heads.size());
  }

  private ProviderHttp.Request request(boolean tls, Duration timeout) {
    int port = server.getLocalPort();
    ProviderEndpoint endpoint =
        new ProviderEndpoint(tls, "localhost", port, "/v1/chat/completions", "x=1");
    return new ProviderHttp.Request(
        endpoint,
        "POST",
        Map.of(
            "host", List.of(endpoint.authority()),
            "content-length", List.of("2"),
            "content-type", List.of("application/json"),
            "authorization", List.of("Bearer k")),
        "{}".getBytes(StandardCharsets.UTF_8),
        timeout);
  }

  private static SSLServerSocket tlsServer() throws Exception {
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        "server",
        SERVER.key(),
        new char[0],
        new X509Certificate[] {SERVER.certificate(), CA.certificate()});
    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(store, new char[0]);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), null, null);
    return (SSLServerSocket)
        context
            .getServerSocketFactory()
            .createServerSocket(0, 50, InetAddress.getLoopbackAddress());
  }

  /** Accepts connections; each reads one request and answers it (or never does), then closes. */
  private void serve(boolean tls, boolean answer) {
    Thread.ofVirtual()
        .start(
            () -> {
              while (!server.isClosed()) {
                try {
                  Socket socket = server.accept();
                  Thread.ofVirtual().start(() -> handle(socket, tls, answer));
                } catch (IOException e) {
                  return;
                }
              }
            });
  }

  private void handle(Socket socket, boolean tls, boolean answer) {
    try (socket) {
      if (tls) {
        SSLSocket ssl = (SSLSocket) socket;
        ssl.startHandshake();
        ((ExtendedSSLSession) ssl.getSession())
            .getRequestedServerNames()
            .forEach(n -> serverNames.add(((SNIHostName) n).getAsciiName()));
      }
      InputStream in = socket.getInputStream();
      String head = readHead(in);
      heads.add(head);
      int length = 0;
      for (String line : head.split("\r\n")) {
        if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
          length = Integer.parseInt(line.substring(15).trim());
        }
      }
      in.readNBytes(length);
      if (!answer) {
        in.read(); // until the client gives up
        return;
      }
      OutputStream out = socket.getOutputStream();
      out.write("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok".getBytes(StandardCharsets.UTF_8));
      out.flush();
    } catch (IOException e) {
      // the client went away (the refused handshake, the timed-out head)
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      byte[] sofar = head.toByteArray();
      int n = sofar.length;
      if (n >= 4
          && sofar[n - 4] == '\r'
          && sofar[n - 3] == '\n'
          && sofar[n - 2] == '\r'
          && sofar[n - 1] == '\n') {
        break;
      }
    }
    return head.toString(StandardCharsets.UTF_8);
  }
}
