package dev.agentgateway.proxy.websocket;

import dev.agentgateway.proxy.http.HopByHop;
import io.helidon.http.Header;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.http.Status;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Writes the heads the relay sends: the upgrade request to the backend and the responses to the
 * client, with hop-by-hop headers (RFC 9110 §7.6.1, plus any named in {@code Connection}) removed
 * and the upgrade pair added back.
 */
final class Heads {
  private static final String CRLF = "\r\n";

  private Heads() {}

  /**
   * The upgrade request for the backend: same method, path and query; {@code Host} set to the
   * backend; {@code X-Forwarded-For} extended, {@code X-Forwarded-Proto} and {@code
   * X-Forwarded-Host} set.
   */
  static byte[] request(
      HttpPrologue prologue,
      Headers headers,
      String backendAuthority,
      String clientAddress,
      boolean secure) {
    StringBuilder head = new StringBuilder(512);
    head.append(prologue.method().text()).append(' ').append(prologue.uriPath().rawPath());
    if (prologue.hasQuery()) {
      head.append('?').append(prologue.query().rawValue());
    }
    head.append(" HTTP/1.1").append(CRLF);
    field(head, "Host", backendAuthority);
    Set<String> named = connectionNamed(headers.values(HeaderNames.CONNECTION));
    String forwardedFor = null;
    for (Header header : headers) {
      String name = header.headerName().lowerCase();
      if (name.equals("x-forwarded-for")) {
        forwardedFor = String.join(", ", header.allValues());
      } else if (!dropFromRequest(name, named)) {
        for (String value : header.allValues()) {
          field(head, header.name(), value);
        }
      }
    }
    field(head, "Connection", "Upgrade");
    field(head, "Upgrade", headers.get(HeaderNames.UPGRADE).get());
    field(
        head,
        "X-Forwarded-For",
        forwardedFor == null ? clientAddress : forwardedFor + ", " + clientAddress);
    field(head, "X-Forwarded-Proto", secure ? "https" : "http");
    String host = headers.first(HeaderNames.HOST).orElse("");
    if (!host.isEmpty()) {
      field(head, "X-Forwarded-Host", host);
    }
    return finish(head);
  }

  /** The 101 for the client: the backend's fields minus hop-by-hop ones, plus the upgrade pair. */
  static byte[] switching(ResponseHead backend, String requestedProtocol) {
    StringBuilder head = statusLine(101, backend.reason());
    copyEndToEnd(head, backend, false);
    String upgrade = backend.first("upgrade");
    field(head, "Connection", "Upgrade");
    field(head, "Upgrade", upgrade == null ? requestedProtocol : upgrade);
    return finish(head);
  }

  /**
   * A backend's non-101 answer for the client. Its body framing ({@code Content-Length} or chunked)
   * is kept because the body is relayed byte for byte; the connection closes afterwards.
   */
  static byte[] relayed(ResponseHead backend) {
    StringBuilder head = statusLine(backend.status(), backend.reason());
    copyEndToEnd(head, backend, true);
    field(head, "Connection", "close");
    return finish(head);
  }

  /** A response the gateway makes itself, with a one-line plain-text reason. */
  static byte[] simple(Status status, String reason) {
    byte[] body = (reason + "\n").getBytes(StandardCharsets.UTF_8);
    StringBuilder head = statusLine(status.code(), status.reasonPhrase());
    field(head, "Content-Type", "text/plain; charset=UTF-8");
    field(head, "Content-Length", Integer.toString(body.length));
    field(head, "Connection", "close");
    byte[] start = finish(head);
    byte[] all = new byte[start.length + body.length];
    System.arraycopy(start, 0, all, 0, start.length);
    System.arraycopy(body, 0, all, start.length, body.length);
    return all;
  }

  /** True when header {@code name} lists {@code token} (comma-separated, case-insensitive). */
  static boolean hasToken(Headers headers, HeaderName name, String token) {
    return containsToken(headers.values(name), token);
  }

  /** True when one of the comma-separated {@code values} equals lower-case {@code token}. */
  static boolean containsToken(List<String> values, String token) {
    for (String value : values) {
      for (String part : value.split(",")) {
        if (part.trim().equalsIgnoreCase(token)) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean dropFromRequest(String name, Set<String> named) {
    return HopByHop.fixed(name)
        || name.equals("host")
        || name.equals("x-forwarded-proto")
        || name.equals("x-forwarded-host")
        || (named.contains(name) && !name.startsWith("sec-websocket-"));
  }

  private static void copyEndToEnd(StringBuilder head, ResponseHead backend, boolean keepFraming) {
    Set<String> named = connectionNamed(backend.all("connection"));
    for (int i = 0; i < backend.size(); i++) {
      String name = backend.name(i).toLowerCase(Locale.ROOT);
      boolean framing = keepFraming && name.equals("transfer-encoding");
      if (framing || !(HopByHop.fixed(name) || named.contains(name))) {
        field(head, backend.name(i), backend.value(i));
      }
    }
  }

  /** Header names listed in {@code Connection}, which are hop-by-hop for this one connection. */
  private static Set<String> connectionNamed(List<String> connection) {
    if (connection.isEmpty()) {
      return Set.of();
    }
    Set<String> named = new HashSet<>();
    for (String value : connection) {
      for (String part : value.split(",")) {
        String token = part.trim().toLowerCase(Locale.ROOT);
        if (!token.isEmpty()) {
          named.add(token);
        }
      }
    }
    return named;
  }

  private static StringBuilder statusLine(int status, String reason) {
    StringBuilder head = new StringBuilder(256);
    head.append("HTTP/1.1 ").append(status).append(' ').append(reason).append(CRLF);
    return head;
  }

  private static void field(StringBuilder head, String name, String value) {
    head.append(name).append(": ").append(value).append(CRLF);
  }

  private static byte[] finish(StringBuilder head) {
    return head.append(CRLF).toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
