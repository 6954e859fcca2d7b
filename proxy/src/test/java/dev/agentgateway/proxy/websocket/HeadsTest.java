package dev.agentgateway.proxy.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.helidon.http.HeaderNames;
import io.helidon.http.HttpPrologue;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.http.WritableHeaders;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class HeadsTest {

  @Test
  void requestKeepsEndToEndFieldsAndRewritesProxyOnes() {
    WritableHeaders<?> headers = WritableHeaders.create();
    headers.add(HeaderNames.HOST, "gw.example:8080");
    headers.add(HeaderNames.CONNECTION, "keep-alive, Upgrade, X-Hop, Sec-WebSocket-Protocol");
    headers.add(HeaderNames.UPGRADE, "websocket");
    headers.add(HeaderNames.create("X-Hop"), "drop me");
    headers.add(HeaderNames.create("Keep-Alive"), "timeout=5");
    headers.add(HeaderNames.create("TE"), "trailers");
    headers.add(HeaderNames.create("Sec-WebSocket-Key"), "dGhlIHNhbXBsZSBub25jZQ==");
    headers.add(HeaderNames.create("Sec-WebSocket-Protocol"), "chat");
    headers.add(HeaderNames.create("X-Forwarded-For"), "10.0.0.1");
    headers.add(HeaderNames.create("X-Forwarded-Proto"), "https");
    headers.add(HeaderNames.COOKIE, "a=b");

    String head =
        ascii(
            Heads.request(
                prologue("/chat/room%201?x=1&y=%20"),
                headers,
                "10.1.1.1:9000",
                "192.0.2.7",
                false));

    // Helidon iterates header fields in its own order, so compare the fields as a set.
    assertTrue(head.startsWith("GET /chat/room%201?x=1&y=%20 HTTP/1.1\r\n"), head);
    assertTrue(head.endsWith("\r\n\r\n"), head);
    assertEquals(
        Set.of(
            "Host: 10.1.1.1:9000",
            "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
            "Sec-WebSocket-Protocol: chat",
            "Cookie: a=b",
            "Connection: Upgrade",
            "Upgrade: websocket",
            "X-Forwarded-For: 10.0.0.1, 192.0.2.7",
            "X-Forwarded-Proto: http",
            "X-Forwarded-Host: gw.example:8080"),
        head.lines().skip(1).filter(line -> !line.isEmpty()).collect(Collectors.toSet()));
  }

  @Test
  void switchingAnswerKeepsBackendFieldsAndTheUpgradePair() throws IOException {
    ResponseHead backend =
        head(
            "HTTP/1.1 101 Switching Protocols\r\n"
                + "Upgrade: websocket\r\n"
                + "Connection: Upgrade, X-Hop\r\n"
                + "X-Hop: drop me\r\n"
                + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
                + "Sec-WebSocket-Extensions: permessage-deflate\r\n\r\n");

    assertEquals(
        "HTTP/1.1 101 Switching Protocols\r\n"
            + "Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n"
            + "Sec-WebSocket-Extensions: permessage-deflate\r\n"
            + "Connection: Upgrade\r\n"
            + "Upgrade: websocket\r\n"
            + "\r\n",
        ascii(Heads.switching(backend, "websocket")));
  }

  @Test
  void relayedAnswerKeepsBodyFramingAndClosesTheConnection() throws IOException {
    ResponseHead backend =
        head(
            "HTTP/1.1 403 Forbidden\r\n"
                + "Transfer-Encoding: chunked\r\n"
                + "Keep-Alive: timeout=5\r\n"
                + "Connection: keep-alive\r\n"
                + "Set-Cookie: s=1\r\n\r\n");

    assertEquals(
        "HTTP/1.1 403 Forbidden\r\n"
            + "Transfer-Encoding: chunked\r\n"
            + "Set-Cookie: s=1\r\n"
            + "Connection: close\r\n"
            + "\r\n",
        ascii(Heads.relayed(backend)));
  }

  @Test
  void ownAnswerHasAOneLineReasonAndClosesTheConnection() {
    String answer = ascii(Heads.simple(Status.NOT_FOUND_404, "route not found"));

    assertTrue(answer.startsWith("HTTP/1.1 404 Not Found\r\n"), answer);
    assertTrue(answer.contains("Content-Length: 16\r\n"), answer);
    assertTrue(answer.contains("Connection: close\r\n"), answer);
    assertTrue(answer.endsWith("\r\n\r\nroute not found\n"), answer);
  }

  @Test
  void findsTokensCaseInsensitivelyInCommaLists() {
    WritableHeaders<?> headers = WritableHeaders.create();
    headers.add(HeaderNames.CONNECTION, "keep-alive, UPGRADE");

    assertTrue(Heads.hasToken(headers, HeaderNames.CONNECTION, "upgrade"));
    assertEquals(false, Heads.hasToken(headers, HeaderNames.CONNECTION, "close"));
  }

  private static HttpPrologue prologue(String path) {
    return HttpPrologue.create("HTTP/1.1", "HTTP", "1.1", Method.GET, path, false);
  }

  private static ResponseHead head(String text) throws IOException {
    return ResponseHead.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)));
  }

  private static String ascii(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
