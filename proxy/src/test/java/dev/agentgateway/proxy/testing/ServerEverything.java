package dev.agentgateway.proxy.testing;

import dev.agentgateway.model.ir.McpTarget;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** The reference MCP server (server-everything) over HTTP on a free port; close kills it. */
public final class ServerEverything implements AutoCloseable {
  private final NodePeers.Peer peer;
  private final int port;

  private ServerEverything(NodePeers.Peer peer, int port) {
    this.peer = peer;
    this.port = port;
  }

  /**
   * @param transport {@code streamableHttp} or {@code sse}
   */
  public static ServerEverything start(String transport) {
    int port = ShellTesting.freePort();
    NodePeers.Peer peer =
        NodePeers.start(
            "server-everything-" + transport,
            Map.of("PORT", Integer.toString(port)),
            true,
            NodePeers.SERVER_EVERYTHING,
            transport);
    ServerEverything server = new ServerEverything(peer, port);
    try {
      server.awaitListening();
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
    return server;
  }

  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  private void awaitListening() {
    long until = System.nanoTime() + 60_000_000_000L;
    while (System.nanoTime() < until) {
      if (!peer.process().isAlive()) {
        throw new IllegalStateException(
            "server-everything exited with " + peer.process().exitValue() + "; see target/*.log");
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        sleep();
      }
    }
    throw new IllegalStateException("server-everything did not listen on " + port + " within 60 s");
  }

  private static void sleep() {
    try {
      Thread.sleep(100);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A stdio target named {@code name} that runs server-everything as the gateway's child. */
  public static McpTarget.Stdio stdioTarget(String name) {
    return new McpTarget.Stdio(
        name,
        "node",
        List.of(NodePeers.installed().resolve(NodePeers.SERVER_EVERYTHING).toString(), "stdio"),
        List.of());
  }

  /** The port it listens on. */
  public int port() {
    return port;
  }

  @Override
  public void close() {
    peer.close();
  }
}
