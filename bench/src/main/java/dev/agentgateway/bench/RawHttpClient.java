package dev.agentgateway.bench;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 keep-alive client for one fixed GET: the request bytes are built once and the
 * response is read by {@code Content-Length} or chunked coding and dropped, so the client costs
 * next to nothing beside the server it measures.
 */
final class RawHttpClient implements AutoCloseable {
  private final byte[] request;
  private final Socket socket;
  private final OutputStream out;
  private final InputStream in;
  private final byte[] drain = new byte[8192];

  RawHttpClient(int port, String path, Map<String, String> headers) throws IOException {
    StringBuilder head = new StringBuilder("GET " + path + " HTTP/1.1\r\nhost: bench.local\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    this.request = head.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
    this.socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
    this.out = socket.getOutputStream();
    this.in = new BufferedInputStream(socket.getInputStream(), 16384);
  }

  /** Sends the request and reads the whole response; returns its status code. */
  int get() throws IOException {
    out.write(request);
    out.flush();
    String status = line();
    if (status.length() < 12 || !status.startsWith("HTTP/1.1 ")) {
      throw new IOException("not an HTTP/1.1 status line: " + status);
    }
    long length = -1;
    boolean chunked = false;
    for (String line = line(); !line.isEmpty(); line = line()) {
      String lower = line.toLowerCase(Locale.ROOT);
      if (lower.startsWith("content-length:")) {
        length = Long.parseLong(lower.substring(15).trim());
      } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
        chunked = true;
      }
    }
    if (chunked) {
      for (long size = Long.parseLong(line().trim(), 16); size > 0; ) {
        skip(size);
        line();
        size = Long.parseLong(line().trim(), 16);
      }
      line();
    } else if (length > 0) {
      skip(length);
    } else if (length < 0) {
      throw new IOException("response has neither a length nor chunks");
    }
    return Integer.parseInt(status.substring(9, 12));
  }

  private void skip(long bytes) throws IOException {
    while (bytes > 0) {
      int n = in.read(drain, 0, (int) Math.min(drain.length, bytes));
      if (n < 0) {
        throw new IOException("connection closed inside a body");
      }
      bytes -= n;
    }
  }

  private String line() throws IOException {
    StringBuilder line = new StringBuilder();
    for (int c = in.read(); c != '\n'; c = in.read()) {
      if (c < 0) {
        throw new IOException("connection closed inside a response head");
      }
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return line.toString();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }
}
