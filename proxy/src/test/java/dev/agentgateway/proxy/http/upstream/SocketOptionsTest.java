package dev.agentgateway.proxy.http.upstream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.model.ir.BackendTcpPolicy;
import dev.agentgateway.proxy.testing.FullBacklog;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import jdk.net.ExtendedSocketOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A backend's {@code tcp} policy on the connections the pool opens. */
class SocketOptionsTest {

  @Test
  void keepaliveSettingsReachTheSocket() throws Exception {
    try (ServerSocket server = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
        ConnectionPool pool =
            new ConnectionPool(Duration.ofSeconds(2), Duration.ofSeconds(30), 0)) {
      SocketOptions options =
          SocketOptions.of(
              new BackendTcpPolicy(
                  null,
                  new BackendTcpPolicy.Keepalive(
                      true, Duration.ofSeconds(30), Duration.ofSeconds(5), 4)));
      Connection conn =
          pool.acquire(new ConnectionPool.Key("127.0.0.1", server.getLocalPort(), null, options));
      Socket socket = conn.socket();
      assertTrue(socket.getKeepAlive());
      if (socket.supportedOptions().contains(ExtendedSocketOptions.TCP_KEEPIDLE)) {
        assertEquals(30, socket.getOption(ExtendedSocketOptions.TCP_KEEPIDLE));
        assertEquals(5, socket.getOption(ExtendedSocketOptions.TCP_KEEPINTERVAL));
        assertEquals(4, socket.getOption(ExtendedSocketOptions.TCP_KEEPCOUNT));
      }
      conn.close();

      Connection off =
          pool.acquire(
              new ConnectionPool.Key(
                  "127.0.0.1",
                  server.getLocalPort(),
                  null,
                  SocketOptions.of(
                      new BackendTcpPolicy(
                          null, new BackendTcpPolicy.Keepalive(false, null, null, null)))));
      assertFalse(off.socket().getKeepAlive());
      off.close();
    }
  }

  @Test
  @Timeout(value = 60, unit = TimeUnit.SECONDS)
  void theBackendsConnectTimeoutReplacesThePoolsLongerOne() throws Exception {
    try (FullBacklog backlog = new FullBacklog();
        ConnectionPool pool =
            new ConnectionPool(Duration.ofMinutes(10), Duration.ofSeconds(30), 0)) {
      SocketOptions options = SocketOptions.of(new BackendTcpPolicy(Duration.ofMillis(200), null));
      // With the pool's ten minutes this would hang past the test's limit.
      assertThrows(
          SocketTimeoutException.class,
          () -> pool.acquire(new ConnectionPool.Key("127.0.0.1", backlog.port(), null, options)));
    }
  }
}
