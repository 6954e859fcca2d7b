package dev.agentgateway.proxy.websocket;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A backend on a raw server socket that runs one script per connection, so tests control exactly
 * which bytes arrive when and who closes first.
 */
final class ScriptedBackend implements AutoCloseable {
  /** What the backend does with one accepted connection. */
  interface Script {
    void run(Socket socket) throws Exception;
  }

  private final ServerSocket server;
  private final BlockingQueue<Script> scripts = new LinkedBlockingQueue<>();
  private final BlockingQueue<Throwable> failures = new LinkedBlockingQueue<>();
  private final Thread acceptor;

  ScriptedBackend() throws IOException {
    server = new ServerSocket(0);
    acceptor = Thread.ofVirtual().name("scripted-backend").start(this::accept);
  }

  int port() {
    return server.getLocalPort();
  }

  /** The script for the next connection. */
  void next(Script script) {
    scripts.add(script);
  }

  /** Rethrows the first failure a script had, if any. */
  void assertNoFailure() {
    Throwable failure = failures.poll();
    if (failure != null) {
      throw new AssertionError("backend script failed", failure);
    }
  }

  private void accept() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Script script = scripts.poll(10, TimeUnit.SECONDS);
        Thread.ofVirtual()
            .start(
                () -> {
                  try (socket) {
                    if (script != null) {
                      script.run(socket);
                    }
                  } catch (Throwable t) {
                    failures.add(t);
                  }
                });
      } catch (IOException | InterruptedException e) {
        return;
      }
    }
  }

  /** Reads up to and including the blank line that ends a head; returns it as text. */
  static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed inside a head: " + head);
      }
      head.write(b);
      matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  @Override
  public void close() throws Exception {
    server.close();
    acceptor.join();
  }
}
