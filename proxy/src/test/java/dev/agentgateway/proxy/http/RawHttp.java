package dev.agentgateway.proxy.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Raw HTTP/1.1 over sockets, for headers that java.net.http refuses to send or hides. */
public final class RawHttp {
  private RawHttp() {}

  /**
   * Sends {@code request} verbatim and returns one response: its head and its raw body (framed by
   * Content-Length, chunked encoding, or the connection closing).
   */
  public static String exchange(int port, String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      InputStream in = socket.getInputStream();
      String head = readHead(in);
      String lower = head.toLowerCase(Locale.ROOT);
      byte[] body;
      int lengthAt = lower.indexOf("\r\ncontent-length:");
      if (lengthAt >= 0) {
        int end = lower.indexOf("\r\n", lengthAt + 2);
        int length = Integer.parseInt(head.substring(lengthAt + 17, end).trim());
        body = in.readNBytes(length);
      } else if (lower.contains("transfer-encoding: chunked")) {
        ByteArrayOutputStream chunks = new ByteArrayOutputStream();
        while (!chunks.toString(StandardCharsets.ISO_8859_1).endsWith("0\r\n\r\n")) {
          int b = in.read();
          if (b < 0) {
            break;
          }
          chunks.write(b);
        }
        body = chunks.toByteArray();
      } else {
        body = in.readAllBytes();
      }
      return head + new String(body, StandardCharsets.ISO_8859_1);
    }
  }

  /** The header block of a raw response, lower-cased, for membership checks. */
  public static String headerBlock(String response) {
    int end = response.indexOf("\r\n\r\n");
    return (end < 0 ? response : response.substring(0, end)).toLowerCase(Locale.ROOT);
  }

  /** Reads one request head (up to the blank line) from {@code in}. */
  public static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("connection closed inside the request head");
      }
      head.write(b);
      matched =
          (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
    }
    return head.toString(StandardCharsets.ISO_8859_1);
  }

  /** A one-connection raw upstream: reads a request head, answers {@code response}, closes. */
  public static final class OneShotServer implements AutoCloseable {
    private final ServerSocket server;
    private final Thread thread;
    private volatile String head;

    /**
     * Starts the server.
     *
     * @param respond writes the response to the accepted socket's stream
     */
    public OneShotServer(Responder respond) throws IOException {
      server = new ServerSocket(0);
      thread =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try (Socket socket = server.accept()) {
                      head = readHead(socket.getInputStream());
                      respond.respond(socket, socket.getOutputStream());
                    } catch (IOException e) {
                      // The test sees the effect on the proxy; nothing to do here.
                    }
                  });
    }

    public int port() {
      return server.getLocalPort();
    }

    /** The request head received, or {@code null}. */
    public String head() {
      return head;
    }

    @Override
    public void close() throws IOException {
      server.close();
      thread.interrupt();
    }
  }

  /** Writes a raw response. */
  @FunctionalInterface
  public interface Responder {
    void respond(Socket socket, OutputStream out) throws IOException;
  }
}
