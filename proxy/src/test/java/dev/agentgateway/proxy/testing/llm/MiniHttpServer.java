package dev.agentgateway.proxy.testing.llm;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A small HTTP/1.1 server on raw sockets, so a stand-in controls every byte: it can stall, cut a
 * chunked body midway, or pause between chunks. Keep-alive, Content-Length and chunked requests.
 */
final class MiniHttpServer implements AutoCloseable {
  /** What to do with one request. */
  sealed interface Action {}

  /** Send this reply, pausing {@code chunkDelay} between chunks, closing after {@code cutAfter}. */
  record Send(Reply reply, Duration chunkDelay, int cutAfter) implements Action {}

  /** Say nothing for {@code duration}, then close the connection. */
  record Stall(Duration duration) implements Action {}

  private final ServerSocket socket;
  private final Function<RecordedRequest, Action> handler;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  MiniHttpServer(Function<RecordedRequest, Action> handler) throws IOException {
    this.handler = handler;
    this.socket = new ServerSocket();
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    Thread.ofVirtual().name("llm-standin-accept").start(this::acceptLoop);
  }

  int port() {
    return socket.getLocalPort();
  }

  private void acceptLoop() {
    while (!closed) {
      try {
        Socket s = socket.accept();
        open.add(s);
        Thread.ofVirtual().start(() -> serve(s));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = new BufferedInputStream(s.getInputStream());
      OutputStream out = s.getOutputStream();
      while (!closed) {
        RecordedRequest request = read(in);
        if (request == null) {
          return;
        }
        Action action = handler.apply(request);
        if (action instanceof Stall stall) {
          Thread.sleep(stall.duration());
          return;
        }
        Send send = (Send) action;
        if (!write(out, send)) {
          return;
        }
        if ("close".equalsIgnoreCase(request.header("connection"))) {
          return;
        }
      }
    } catch (IOException e) {
      // the client went away
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      open.remove(s);
    }
  }

  private static RecordedRequest read(InputStream in) throws IOException {
    String line = line(in);
    if (line == null || line.isEmpty()) {
      return null;
    }
    String[] parts = line.split(" ");
    if (parts.length != 3) {
      throw new IOException("bad request line");
    }
    Map<String, List<String>> headers = new LinkedHashMap<>();
    for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
      int colon = h.indexOf(':');
      headers
          .computeIfAbsent(
              h.substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .add(h.substring(colon + 1).trim());
    }
    byte[] body;
    List<String> te = headers.get("transfer-encoding");
    List<String> cl = headers.get("content-length");
    if (te != null && te.get(0).toLowerCase(Locale.ROOT).contains("chunked")) {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      for (int size = Integer.parseInt(line(in).split(";")[0].trim(), 16);
          size > 0;
          size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) {
        b.write(in.readNBytes(size));
        line(in);
      }
      for (String t = line(in); t != null && !t.isEmpty(); t = line(in)) {
        // trailers are ignored
      }
      body = b.toByteArray();
    } else if (cl != null) {
      body = in.readNBytes(Integer.parseInt(cl.get(0)));
    } else {
      body = new byte[0];
    }
    String target = parts[1];
    int q = target.indexOf('?');
    return new RecordedRequest(
        parts[0],
        q < 0 ? target : target.substring(0, q),
        q < 0 ? null : target.substring(q + 1),
        headers,
        body);
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0) {
      if (c == '\n') {
        byte[] bytes = b.toByteArray();
        int n =
            bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
        return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
      }
      b.write(c);
    }
    return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
  }

  /** Writes the reply; false when the connection must close (a cut stream). */
  private static boolean write(OutputStream out, Send send)
      throws IOException, InterruptedException {
    Reply r = send.reply();
    StringBuilder head = new StringBuilder("HTTP/1.1 ").append(r.status()).append(' ');
    head.append(reason(r.status())).append("\r\n");
    r.headers().forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
    if (r.body() != null) {
      head.append("content-length: ").append(r.body().length).append("\r\n\r\n");
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(r.body());
      out.flush();
      return true;
    }
    head.append("transfer-encoding: chunked\r\n\r\n");
    out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    int sent = 0;
    for (byte[] chunk : r.chunks()) {
      if (sent >= send.cutAfter()) {
        return false;
      }
      if (sent > 0 && !send.chunkDelay().isZero()) {
        Thread.sleep(send.chunkDelay());
      }
      out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
      out.write(chunk);
      out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
      out.flush();
      sent++;
    }
    out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
    out.flush();
    return true;
  }

  private static String reason(int status) {
    return switch (status) {
      case 200 -> "OK";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 429 -> "Too Many Requests";
      case 500 -> "Internal Server Error";
      case 503 -> "Service Unavailable";
      default -> "Status";
    };
  }

  @Override
  public void close() {
    closed = true;
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
    for (Socket s : open) {
      try {
        s.close();
      } catch (IOException e) {
        // already closed
      }
    }
  }
}
