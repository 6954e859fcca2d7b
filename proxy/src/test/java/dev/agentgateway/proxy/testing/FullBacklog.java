package dev.agentgateway.proxy.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback listener that never accepts and whose accept queue is full, so a further connection
 * attempt gets no answer until it times out: a deterministic stand-in for an unreachable address.
 */
public final class FullBacklog implements AutoCloseable {
  private final ServerSocket server;
  private final List<Socket> queued = new ArrayList<>();

  public FullBacklog() throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    for (int i = 0; i < 64; i++) {
      Socket s = new Socket();
      queued.add(s);
      try {
        s.connect(new InetSocketAddress(server.getInetAddress(), server.getLocalPort()), 200);
      } catch (SocketTimeoutException full) {
        return;
      }
    }
    close();
    throw new IllegalStateException("the accept queue never filled");
  }

  /** The listener's port. */
  public int port() {
    return server.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    for (Socket s : queued) {
      s.close();
    }
    server.close();
  }
}
