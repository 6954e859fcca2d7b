package dev.agentgateway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The provider stand-in of bench/llm.sh: one HTTP/1.1 server on loopback answering OpenAI chat
 * completions ({@code POST /v1/chat/completions}) and Anthropic messages ({@code POST
 * /v1/messages}) with recorded payloads, as plain JSON or as an SSE stream (one chunk per event),
 * the same bytes whether a request comes from the bench client or from the gateway. Answers are
 * rendered once per model and kept, so the stand-in's own cost is a header parse, a small JSON
 * parse and a few socket writes; TCP_NODELAY is on so a stream's events leave as they are written.
 */
public final class LlmBenchStandIn {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final byte[] LAST_CHUNK = "0\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  /** What one answer is: the write units, sent one {@code write} each, in order. */
  private record Answer(List<byte[]> writes) {}

  private final Map<String, Answer> answers = new ConcurrentHashMap<>();
  private final AtomicLong accepted = new AtomicLong();

  private LlmBenchStandIn() {}

  /** {@code LlmBenchStandIn <port>}: serves until killed. */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: LlmBenchStandIn <port>");
      System.exit(2);
    }
    new LlmBenchStandIn().serve(Integer.parseInt(args[0]));
  }

  private void serve(int port) throws IOException {
    try (ServerSocket server = new ServerSocket()) {
      server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
      System.out.println("llm stand-in listening on 127.0.0.1:" + port);
      while (true) {
        Socket s = server.accept();
        s.setTcpNoDelay(true);
        accepted.incrementAndGet();
        Thread.ofVirtual().start(() -> connection(s));
      }
    }
  }

  private void connection(Socket s) {
    try (s) {
      InputStream in = new BufferedInputStream(s.getInputStream(), 16 * 1024);
      OutputStream out = s.getOutputStream();
      Request r;
      while ((r = Request.read(in)) != null) {
        for (byte[] w : answer(r).writes()) {
          out.write(w);
        }
        out.flush();
        if (r.close()) {
          return;
        }
      }
    } catch (IOException | RuntimeException e) {
      // the client went away or sent something this stand-in does not speak: drop the connection
    }
  }

  private Answer answer(Request r) {
    if ("GET".equals(r.method()) && "/bench/connections".equals(r.path())) {
      byte[] count = Long.toString(accepted.get()).getBytes(StandardCharsets.US_ASCII);
      String head =
          "HTTP/1.1 200 OK\r\ncontent-type: text/plain\r\ncontent-length: "
              + count.length
              + "\r\n\r\n";
      return new Answer(List.of(concat(head.getBytes(StandardCharsets.US_ASCII), count)));
    }
    JsonNode body;
    try {
      body = r.body().length == 0 ? null : JSON.readTree(r.body());
    } catch (IOException e) {
      body = null;
    }
    if (!"POST".equals(r.method()) || body == null || !body.path("model").isTextual()) {
      return error(400, "{\"error\":{\"message\":\"bad request\",\"type\":\"invalid_request\"}}");
    }
    String model = body.get("model").asText();
    boolean stream = body.path("stream").asBoolean(false);
    boolean usage = body.path("stream_options").path("include_usage").asBoolean(false);
    String file =
        switch (r.path()) {
          case "/v1/chat/completions" ->
              stream ? "openai/chat-stream.sse" : "openai/chat-completion.json";
          case "/v1/messages" ->
              stream ? "anthropic/messages-stream.sse" : "anthropic/messages.json";
          default -> null;
        };
    if (file == null) {
      return error(404, "{\"error\":{\"message\":\"no such API\",\"type\":\"not_found\"}}");
    }
    // OpenAI sends the usage chunk only when the client asked for it.
    boolean dropUsage = file.startsWith("openai/") && stream && !usage;
    return answers.computeIfAbsent(
        file + '|' + model + '|' + dropUsage, k -> render(file, model, dropUsage));
  }

  private static Answer render(String file, String model, boolean dropUsage) {
    String text = payload(file, model);
    if (file.endsWith(".json")) {
      byte[] json = text.getBytes(StandardCharsets.UTF_8);
      String head =
          "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\nx-request-id: req_bench\r\n"
              + "content-length: "
              + json.length
              + "\r\n\r\n";
      return new Answer(List.of(concat(head.getBytes(StandardCharsets.US_ASCII), json)));
    }
    List<byte[]> writes = new ArrayList<>();
    writes.add(
        ("HTTP/1.1 200 OK\r\ncontent-type: text/event-stream\r\ncache-control: no-cache\r\n"
                + "x-request-id: req_bench\r\ntransfer-encoding: chunked\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    for (String block : text.split("\n\n")) {
      if (block.isBlank() || (dropUsage && block.contains("\"choices\":[]"))) {
        continue;
      }
      byte[] event = (block.strip() + "\n\n").getBytes(StandardCharsets.UTF_8);
      byte[] size =
          (Integer.toHexString(event.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      writes.add(concat(size, event, "\r\n".getBytes(StandardCharsets.US_ASCII)));
    }
    writes.add(LAST_CHUNK);
    return new Answer(writes);
  }

  private static Answer error(int status, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String head =
        "HTTP/1.1 "
            + status
            + " Error\r\ncontent-type: application/json\r\ncontent-length: "
            + body.length
            + "\r\n\r\n";
    return new Answer(List.of(concat(head.getBytes(StandardCharsets.US_ASCII), body)));
  }

  /** A payload file with the model put in (JSON-escaped). */
  private static String payload(String file, String model) {
    String path = "/llm/" + file;
    try (InputStream in = LlmBenchStandIn.class.getResourceAsStream(path)) {
      String text =
          new String(Objects.requireNonNull(in, path).readAllBytes(), StandardCharsets.UTF_8);
      String escaped = JSON.writeValueAsString(model);
      return text.replace("{{model}}", escaped.substring(1, escaped.length() - 1));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      b.writeBytes(p);
    }
    return b.toByteArray();
  }

  /** One request: what the stand-in needs of it. */
  private record Request(String method, String path, byte[] body, boolean close) {
    private static final int MAX_LINE = 16 * 1024;

    /** The next request on the connection, or null at its end. */
    static Request read(InputStream in) throws IOException {
      String line = line(in);
      if (line == null || line.isEmpty()) {
        return null;
      }
      String[] parts = line.split(" ");
      if (parts.length != 3) {
        throw new IOException("bad request line");
      }
      long length = 0;
      boolean chunked = false;
      boolean close = false;
      for (String h = line(in); h != null && !h.isEmpty(); h = line(in)) {
        int colon = h.indexOf(':');
        if (colon <= 0) {
          throw new IOException("bad header");
        }
        String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
        String value = h.substring(colon + 1).trim();
        switch (name) {
          case "content-length" -> length = Long.parseLong(value);
          case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
          case "connection" -> close = value.equalsIgnoreCase("close");
          default -> {}
        }
      }
      byte[] body;
      if (chunked) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int size = chunkSize(line(in)); size > 0; size = chunkSize(line(in))) {
          b.write(in.readNBytes(size));
          line(in);
        }
        for (String t = line(in); t != null && !t.isEmpty(); t = line(in)) {
          // trailers are ignored
        }
        body = b.toByteArray();
      } else {
        if (length > 1 << 20) {
          throw new IOException("body too large");
        }
        body = in.readNBytes((int) length);
      }
      String target = parts[1];
      int q = target.indexOf('?');
      return new Request(parts[0], q < 0 ? target : target.substring(0, q), body, close);
    }

    private static int chunkSize(String line) throws IOException {
      if (line == null) {
        throw new IOException("body cut");
      }
      int semi = line.indexOf(';');
      return Integer.parseInt((semi < 0 ? line : line.substring(0, semi)).trim(), 16);
    }

    private static String line(InputStream in) throws IOException {
      StringBuilder b = new StringBuilder(64);
      int c;
      while ((c = in.read()) >= 0) {
        if (c == '\n') {
          int n = b.length();
          return n > 0 && b.charAt(n - 1) == '\r' ? b.substring(0, n - 1) : b.toString();
        }
        if (b.length() >= MAX_LINE) {
          throw new IOException("line too long");
        }
        b.append((char) c);
      }
      return b.isEmpty() ? null : b.toString();
    }
  }
}
