package dev.agentgateway.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The load driver of bench/llm.sh: the latency the LLM gateway adds over calling the provider
 * stand-in directly, on a passthrough path (OpenAI chat client → gateway → OpenAI) and a translated
 * one (OpenAI chat client → gateway → Anthropic, against an Anthropic messages client calling the
 * stand-in directly). Non-streaming: time to the whole response. Streaming: time to the first
 * content delta (TTFT) and to the end of the stream. One request at a time over keep-alive
 * connections, after an unrecorded warm-up; direct and gateway batches alternate in every round,
 * their order swapped each round, so machine noise hits both alike.
 */
public final class LlmLoad {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final String OPENAI_MODEL = "gpt-4o-mini";
  private static final String ANTHROPIC_MODEL = "claude-sonnet-4-5";

  private LlmLoad() {}

  /**
   * {@code LlmLoad <standInUrl> <gatewayUrl> <requests-per-round> <rounds> <warm-up>
   * [<httpRouteUrl>]}; the last, a plain HTTP route of the same gateway to the stand-in, adds the
   * passthrough requests through it as a yardstick.
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 5 && args.length != 6) {
      System.err.println(
          "usage: LlmLoad <standInUrl> <gatewayUrl> <requests-per-round> <rounds> <warm-up>"
              + " [<httpRouteUrl>]");
      System.exit(2);
    }
    String standIn = args[0];
    String gateway = args[1];
    int n = Integer.parseInt(args[2]);
    int rounds = Integer.parseInt(args[3]);
    int warmUp = Integer.parseInt(args[4]);
    HttpClient http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    // Its own client, so asking keeps one connection of its own open and counts none of the others.
    HttpClient stats = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    URI connections = URI.create(standIn + "/bench/connections");
    List<Comparison> comparisons = new ArrayList<>();
    for (boolean stream : new boolean[] {false, true}) {
      comparisons.add(
          new Comparison(
              "passthrough",
              stream,
              openAi(standIn, OPENAI_MODEL, stream, "direct", true),
              openAi(gateway, OPENAI_MODEL, stream, "gateway", false)));
      comparisons.add(
          new Comparison(
              "translated",
              stream,
              anthropic(standIn, stream),
              openAi(gateway, ANTHROPIC_MODEL, stream, "gateway", false)));
      if (args.length == 6) {
        // The same passthrough request through a plain HTTP route of the same proxy (its own
        // HTTP/1.1 upstream client, no LLM handling): what the proxy's HTTP core costs alone.
        comparisons.add(
            new Comparison(
                "http-route",
                stream,
                openAi(standIn, OPENAI_MODEL, stream, "direct", true),
                openAi(args[5], OPENAI_MODEL, stream, "gateway", true)));
      }
    }
    for (Comparison c : comparisons) {
      for (Call call : List.of(c.direct(), c.gateway())) {
        Sample s = call.send(http);
        System.out.printf(
            "check %-11s %-13s %-7s: 200, first content %s, %s%n",
            c.path(), c.mode(), call.target(), JSON.writeValueAsString(s.firstText()), s.detail());
      }
    }
    long start = System.nanoTime();
    for (Comparison c : comparisons) {
      for (Call call : List.of(c.direct(), c.gateway())) {
        for (int i = 0; i < warmUp; i++) {
          call.send(http);
        }
      }
    }
    System.out.printf(
        "warm-up: %d requests per path, mode and target in %.1f s%n%n",
        warmUp, (System.nanoTime() - start) / 1e9);

    System.out.printf(
        "%-5s %-11s %-13s %9s %9s %9s%n", "round", "path", "measure", "direct", "gateway", "added");
    for (int round = 1; round <= rounds; round++) {
      for (Comparison c : comparisons) {
        boolean directFirst = round % 2 == 1;
        for (Call call :
            directFirst ? List.of(c.direct(), c.gateway()) : List.of(c.gateway(), c.direct())) {
          long[] first = new long[n];
          long[] end = new long[n];
          long opened = connections(stats, connections);
          for (int i = 0; i < n; i++) {
            Sample s = call.send(http);
            first[i] = s.firstNanos();
            end[i] = s.endNanos();
          }
          opened = connections(stats, connections) - opened;
          c.record(call == c.direct(), first, end, opened);
        }
        for (Series s : c.series()) {
          long[] d = s.lastRound(true);
          long[] g = s.lastRound(false);
          System.out.printf(
              "%-5d %-11s %-13s %9.3f %9.3f %+9.3f   (p50 ms)%n",
              round,
              c.path(),
              s.name(),
              ms(pct(d, 50)),
              ms(pct(g, 50)),
              ms(pct(g, 50) - pct(d, 50)));
        }
      }
    }
    System.out.println();
    System.out.printf("all rounds, %d requests per path, measure and target; ms%n", rounds * n);
    System.out.printf(
        "%-11s %-13s | %8s %8s %8s %6s | %8s %8s %8s | %8s %8s%n",
        "path",
        "measure",
        "direct50",
        "gw50",
        "added50",
        "ratio",
        "direct90",
        "gw90",
        "added90",
        "direct99",
        "gw99");
    for (Comparison c : comparisons) {
      for (Series s : c.series()) {
        long[] d = s.all(true);
        long[] g = s.all(false);
        System.out.printf(
            "%-11s %-13s | %8.3f %8.3f %+8.3f %5.2fx | %8.3f %8.3f %+8.3f | %8.3f %8.3f%n",
            c.path(),
            s.name(),
            ms(pct(d, 50)),
            ms(pct(g, 50)),
            ms(pct(g, 50) - pct(d, 50)),
            (double) pct(g, 50) / pct(d, 50),
            ms(pct(d, 90)),
            ms(pct(g, 90)),
            ms(pct(g, 90) - pct(d, 90)),
            ms(pct(d, 99)),
            ms(pct(g, 99)));
      }
    }
    System.out.println();
    System.out.println(
        "connections the stand-in accepted during those requests (a keep-alive caller opens none):");
    for (Comparison c : comparisons) {
      System.out.printf(
          "%-11s %-13s   direct client %d, gateway %d, per %d requests each%n",
          c.path(), c.mode(), c.opened()[0], c.opened()[1], rounds * n);
    }
    System.exit(0);
  }

  private static long connections(HttpClient stats, URI url)
      throws IOException, InterruptedException {
    HttpResponse<String> res =
        stats.send(HttpRequest.newBuilder(url).timeout(TIMEOUT).build(), BodyHandlers.ofString());
    return Long.parseLong(res.body().trim());
  }

  private static Call openAi(
      String base, String model, boolean stream, String target, boolean withKey) {
    StringBuilder body =
        new StringBuilder("{\"model\":\"")
            .append(model)
            .append(
                "\",\"messages\":[{\"role\":\"system\",\"content\":\"You are a helpful"
                    + " assistant.\"},{\"role\":\"user\",\"content\":\"Say hello.\"}],"
                    + "\"max_tokens\":64");
    if (stream) {
      // Asked for explicitly on both sides, so the stand-in sends the same stream either way (the
      // gateway would add it to a streamed OpenAI request that lacks it).
      body.append(",\"stream\":true,\"stream_options\":{\"include_usage\":true}");
    }
    body.append('}');
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + "/v1/chat/completions"))
            .header("content-type", "application/json");
    if (withKey) {
      b.header("authorization", "Bearer sk-bench-openai");
    }
    return new Call(target, b, body.toString(), stream);
  }

  private static Call anthropic(String base, boolean stream) {
    String body =
        "{\"model\":\""
            + ANTHROPIC_MODEL
            + "\",\"max_tokens\":64,\"system\":\"You are a helpful assistant.\","
            + "\"messages\":[{\"role\":\"user\",\"content\":\"Say hello.\"}]"
            + (stream ? ",\"stream\":true}" : "}");
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + "/v1/messages"))
            .header("content-type", "application/json")
            .header("x-api-key", "sk-ant-bench")
            .header("anthropic-version", "2023-06-01");
    return new Call("direct", b, body, stream);
  }

  /** One timed request's figures; {@code firstNanos} equals {@code endNanos} when not streaming. */
  private record Sample(long firstNanos, long endNanos, String firstText, String detail) {}

  /** One kind of request to one target. */
  private record Call(String target, HttpRequest.Builder builder, String body, boolean stream) {
    Sample send(HttpClient http) throws IOException, InterruptedException {
      HttpRequest req =
          builder.copy().timeout(TIMEOUT).POST(HttpRequest.BodyPublishers.ofString(body)).build();
      long start = System.nanoTime();
      if (!stream) {
        HttpResponse<byte[]> res = http.send(req, HttpResponse.BodyHandlers.ofByteArray());
        long end = System.nanoTime() - start;
        String text = new String(res.body(), StandardCharsets.UTF_8);
        if (res.statusCode() != 200 || !text.contains("Hello")) {
          throw new IOException(target + " answered " + res.statusCode() + ": " + text);
        }
        return new Sample(end, end, firstText(JSON.readTree(text)), res.body().length + " bytes");
      }
      HttpResponse<InputStream> res = http.send(req, HttpResponse.BodyHandlers.ofInputStream());
      long first = -1;
      String firstText = null;
      int events = 0;
      try (BufferedReader in =
          new BufferedReader(new InputStreamReader(res.body(), StandardCharsets.UTF_8))) {
        if (res.statusCode() != 200) {
          throw new IOException(target + " answered " + res.statusCode() + ": " + in.readLine());
        }
        for (String line = in.readLine(); line != null; line = in.readLine()) {
          if (!line.startsWith("data:")) {
            continue;
          }
          events++;
          if (first < 0) {
            String data = line.substring(5).trim();
            if (!data.startsWith("{")) {
              continue;
            }
            firstText = firstText(JSON.readTree(data));
            if (firstText != null) {
              first = System.nanoTime() - start;
            }
          }
        }
      }
      long end = System.nanoTime() - start;
      if (first < 0) {
        throw new IOException(target + " streamed no content delta (" + events + " events)");
      }
      return new Sample(first, end, firstText, events + " data events");
    }

    /** The first non-empty content text of a chat or messages answer or stream event, or null. */
    private static String firstText(JsonNode n) {
      JsonNode choice = n.path("choices").path(0);
      String text =
          choice.has("delta")
              ? choice.path("delta").path("content").asText("")
              : choice.path("message").path("content").asText("");
      if (text.isEmpty() && "content_block_delta".equals(n.path("type").asText())) {
        text = n.path("delta").path("text").asText("");
      }
      if (text.isEmpty() && "message".equals(n.path("type").asText())) {
        text = n.path("content").path(0).path("text").asText("");
      }
      return text.isEmpty() ? null : text;
    }
  }

  /** One measure (e.g. stream TTFT) of a comparison: every round's direct and gateway figures. */
  private static final class Series {
    private final String name;
    private final List<long[]> direct = new ArrayList<>();
    private final List<long[]> gateway = new ArrayList<>();

    Series(String name) {
      this.name = name;
    }

    String name() {
      return name;
    }

    void add(boolean isDirect, long[] nanos) {
      long[] sorted = nanos.clone();
      Arrays.sort(sorted);
      (isDirect ? direct : gateway).add(sorted);
    }

    long[] lastRound(boolean isDirect) {
      List<long[]> l = isDirect ? direct : gateway;
      return l.get(l.size() - 1);
    }

    long[] all(boolean isDirect) {
      long[] out = (isDirect ? direct : gateway).stream().flatMapToLong(Arrays::stream).toArray();
      Arrays.sort(out);
      return out;
    }
  }

  /** A path (passthrough, translated, http-route) in one mode, direct against gateway. */
  private static final class Comparison {
    private final String path;
    private final boolean stream;
    private final Call direct;
    private final Call gateway;
    private final List<Series> series;
    private final long[] opened = new long[2]; // direct, gateway

    Comparison(String path, boolean stream, Call direct, Call gateway) {
      this.path = path;
      this.stream = stream;
      this.direct = direct;
      this.gateway = gateway;
      this.series =
          stream
              ? List.of(new Series("stream TTFT"), new Series("stream end"))
              : List.of(new Series("non-streaming"));
    }

    String path() {
      return path;
    }

    Call direct() {
      return direct;
    }

    Call gateway() {
      return gateway;
    }

    List<Series> series() {
      return series;
    }

    /** Stand-in connections opened during the measured batches: direct, gateway. */
    long[] opened() {
      return opened.clone();
    }

    String mode() {
      return stream ? "streaming" : "non-streaming";
    }

    /** One batch's figures, and how many stand-in connections it opened. */
    void record(boolean isDirect, long[] first, long[] end, long connections) {
      opened[isDirect ? 0 : 1] += connections;
      series.get(0).add(isDirect, first);
      if (stream) {
        series.get(1).add(isDirect, end);
      }
    }
  }

  private static long pct(long[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static double ms(long nanos) {
    return nanos / 1e6;
  }
}
