package dev.agentgateway.bench;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The two halves of the memory benchmark (bench/memory.sh): an upstream that serves a small body
 * and endless SSE streams, and a client that holds many idle keep-alive connections and SSE streams
 * open through the proxy while the script reads the proxy's RSS and heap.
 */
public final class MemoryProbe {
  private static final byte[] EVENT = "data: tick\n\n".getBytes(StandardCharsets.US_ASCII);

  private MemoryProbe() {}

  public static void main(String[] args) throws Exception {
    if (args.length >= 2 && args[0].equals("upstream")) {
      upstream(Integer.parseInt(args[1]));
    } else if (args.length >= 5 && args[0].equals("clients")) {
      clients(
          Integer.parseInt(args[1]),
          Integer.parseInt(args[2]),
          Integer.parseInt(args[3]),
          Duration.ofSeconds(Long.parseLong(args[4])));
    } else {
      System.err.println(
          "usage: MemoryProbe upstream <port> | clients <proxyPort> <idle> <sse> <holdSeconds>");
      System.exit(2);
    }
  }

  private static void upstream(int port) throws InterruptedException {
    WebServer.builder()
        .host("127.0.0.1")
        .port(port)
        .routing(
            r ->
                r.get("/sse", (req, res) -> streamForever(res))
                    .get("/*", (req, res) -> res.send("ok")))
        .build()
        .start();
    System.out.println("upstream ready on " + port);
    new CountDownLatch(1).await();
  }

  private static void streamForever(io.helidon.webserver.http.ServerResponse res) {
    res.header(HeaderNames.CONTENT_TYPE, "text/event-stream");
    try (OutputStream out = res.outputStream()) {
      while (true) {
        out.write(EVENT);
        out.flush();
        Thread.sleep(1000);
      }
    } catch (IOException | InterruptedException | RuntimeException e) {
      // The client went away: the stream ends.
    }
  }

  private static void clients(int port, int idle, int sse, Duration hold) throws Exception {
    List<Socket> sockets = new ArrayList<>(idle + sse);
    byte[] get = "GET / HTTP/1.1\r\nHost: bench\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < idle; i++) {
      Socket socket = new Socket();
      socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      socket.getOutputStream().write(get);
      readResponseHead(socket.getInputStream());
      sockets.add(socket);
    }
    System.out.println("idle connections open: " + idle);
    AtomicLong events = new AtomicLong();
    CountDownLatch started = new CountDownLatch(sse);
    byte[] sseGet =
        "GET /sse HTTP/1.1\r\nHost: bench\r\nAccept: text/event-stream\r\n\r\n"
            .getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < sse; i++) {
      Socket socket = new Socket();
      socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
      sockets.add(socket);
      Thread.ofVirtual()
          .start(
              () -> {
                try {
                  socket.getOutputStream().write(sseGet);
                  InputStream in = socket.getInputStream();
                  byte[] buf = new byte[512];
                  boolean counted = false;
                  int n;
                  while ((n = in.read(buf)) > 0) {
                    events.addAndGet(n);
                    if (!counted) {
                      counted = true;
                      started.countDown();
                    }
                  }
                } catch (IOException e) {
                  started.countDown();
                }
              });
    }
    started.await();
    System.out.println("sse streams open: " + sse);
    System.out.println("holding");
    long before = events.get();
    Thread.sleep(hold.toMillis());
    System.out.println("sse bytes received while holding: " + (events.get() - before));
    for (Socket socket : sockets) {
      socket.close();
    }
  }

  /** Reads a response head and a Content-Length body, leaving the connection reusable. */
  private static void readResponseHead(InputStream in) throws IOException {
    StringBuilder head = new StringBuilder();
    int c;
    while ((c = in.read()) >= 0) {
      head.append((char) c);
      if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
        break;
      }
    }
    String text = head.toString().toLowerCase(java.util.Locale.ROOT);
    int at = text.indexOf("content-length:");
    if (at >= 0) {
      int end = text.indexOf("\r\n", at);
      int length = Integer.parseInt(text.substring(at + 15, end).trim());
      in.readNBytes(length);
    }
  }
}
