package dev.agentgateway.proxy.websocket;

import io.helidon.common.buffers.BufferData;
import io.helidon.common.buffers.DataReader;
import io.helidon.common.buffers.DataWriter;
import io.helidon.webserver.ConnectionContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.time.Duration;

/**
 * Pumps raw bytes both ways between an upgraded client connection and a backend socket, one virtual
 * thread per direction, until either side is done.
 *
 * <p>Half-close: when the client finishes sending, the backend's write side is shut down and the
 * backend gets {@link #LINGER} to finish its answer. Helidon's server socket cannot be half-closed,
 * so when the backend finishes first the client connection is closed after the last byte is
 * written. Any error closes both sockets at once.
 */
final class Tunnel {
  /** How long the backend may keep sending after the client has stopped. */
  static final Duration LINGER = Duration.ofSeconds(5);

  private static final int BUFFER = 16 * 1024;

  private final ConnectionContext client;
  private final Socket backend;
  private final InputStream backendIn;
  private volatile long lastActivity = System.nanoTime();
  private volatile long bytesIn;
  private volatile long bytesOut;

  Tunnel(ConnectionContext client, Socket backend, InputStream backendIn) {
    this.client = client;
    this.backend = backend;
    this.backendIn = backendIn;
  }

  /** Runs both directions; returns when both have ended and both sockets are closed. */
  void run() throws InterruptedException {
    Thread down =
        Thread.ofVirtual().name("agw-ws-down-" + client.socketId()).start(this::backendToClient);
    boolean clientDone = false;
    try {
      clientDone = clientToBackend();
      if (clientDone) {
        backend.shutdownOutput();
      }
    } catch (IOException | RuntimeException e) {
      clientDone = false;
    }
    if (clientDone) {
      down.join(LINGER);
    }
    close();
    down.join();
  }

  /** Copies client bytes to the backend; true on a clean end of stream, false on an error. */
  private boolean clientToBackend() throws IOException {
    DataReader reader = client.dataReader();
    OutputStream out = backend.getOutputStream();
    while (true) {
      BufferData data;
      try {
        data = reader.readBuffer();
      } catch (DataReader.InsufficientDataAvailableException eof) {
        return true;
      }
      int n = data.available();
      data.writeTo(out);
      bytesIn += n;
      lastActivity = System.nanoTime();
    }
  }

  private void backendToClient() {
    byte[] buffer = new byte[BUFFER];
    DataWriter writer = client.dataWriter();
    try {
      int n;
      while ((n = backendIn.read(buffer)) >= 0) {
        // writeNow is synchronous, so the buffer can be reused right after.
        writer.writeNow(BufferData.create(buffer, 0, n));
        bytesOut += n;
        lastActivity = System.nanoTime();
      }
    } catch (IOException | RuntimeException e) {
      // A backend read error or a client write error (Helidon reports those unchecked): the
      // other direction ends when the sockets close below.
    } finally {
      // Unblocks the client reader: either the backend finished or it failed.
      closeClient();
    }
  }

  /** Closes both sockets; safe to call from any thread, more than once. */
  void close() {
    try {
      backend.close();
    } catch (IOException e) {
      // already closed
    }
    closeClient();
  }

  private void closeClient() {
    try {
      client.serverSocket().close();
    } catch (UncheckedIOException e) {
      // Helidon's socket reports a second close this way
    }
  }

  /** Time since a byte last moved either way. */
  Duration idleTime() {
    return Duration.ofNanos(System.nanoTime() - lastActivity);
  }

  /** Bytes relayed from client to backend. */
  long bytesIn() {
    return bytesIn;
  }

  /** Bytes relayed from backend to client. */
  long bytesOut() {
    return bytesOut;
  }
}
