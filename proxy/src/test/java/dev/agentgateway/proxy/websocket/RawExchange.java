package dev.agentgateway.proxy.websocket;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A hand-written HTTP/1.1 exchange over a plain socket, because JDK clients refuse to send {@code
 * Connection} and {@code Upgrade} themselves and hide non-101 handshake answers.
 */
record RawExchange(int status, Map<String, String> headers, byte[] body) {

  /** Sends {@code request} (a full head, CRLF line ends) and reads one response. */
  static RawExchange send(int port, String request, boolean readBody) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      InputStream in = socket.getInputStream();
      String statusLine = line(in);
      int status = Integer.parseInt(statusLine.substring(9, 12));
      Map<String, String> headers = new LinkedHashMap<>();
      String line;
      while (!(line = line(in)).isEmpty()) {
        int colon = line.indexOf(':');
        headers.merge(
            line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
            line.substring(colon + 1).trim(),
            (a, b) -> a + ", " + b);
      }
      byte[] body = readBody ? body(in, headers) : new byte[0];
      return new RawExchange(status, headers, body);
    }
  }

  /** An upgrade request head for {@code path} with extra header lines (each ending in CRLF). */
  static String upgradeRequest(String path, int port, String extra) {
    return "GET "
        + path
        + " HTTP/1.1\r\n"
        + "Host: localhost:"
        + port
        + "\r\n"
        + "Connection: Upgrade\r\n"
        + "Upgrade: websocket\r\n"
        + "Sec-WebSocket-Version: 13\r\n"
        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
        + extra
        + "\r\n";
  }

  String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  private static byte[] body(InputStream in, Map<String, String> headers) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
      int size;
      while ((size = Integer.parseInt(line(in).split(";")[0].trim(), 16)) > 0) {
        out.write(in.readNBytes(size));
        line(in);
      }
      while (!line(in).isEmpty()) {
        // trailers
      }
    } else if (headers.containsKey("content-length")) {
      out.write(in.readNBytes(Integer.parseInt(headers.get("content-length"))));
    } else {
      in.transferTo(out);
    }
    return out.toByteArray();
  }

  private static String line(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      if (b != '\r') {
        line.write(b);
      }
    }
    if (b < 0 && line.size() == 0) {
      throw new IOException("connection closed before a full line");
    }
    return line.toString(StandardCharsets.ISO_8859_1);
  }
}
