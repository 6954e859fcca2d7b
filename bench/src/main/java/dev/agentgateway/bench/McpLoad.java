package dev.agentgateway.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load driver of bench/mcp.sh. {@code compare} times MCP requests (tools/call of an echo tool,
 * or tools/list) against a server directly and through the gateway, in alternating rounds so
 * machine noise hits both alike, and prints p50/p99/mean, the ratio and the latency the gateway
 * adds. {@code sessions} opens many gateway sessions, holds a GET event stream on each and prints
 * {@code holding} while the script reads the gateway's memory.
 */
public final class McpLoad {
  private McpLoad() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 9 && args[0].equals("compare")) {
      compare(
          Op.valueOf(args[1].toUpperCase(Locale.ROOT)),
          new Target("direct", URI.create(args[2]), args[3]),
          new Target("gateway", URI.create(args[4]), args[5]),
          Integer.parseInt(args[6]),
          Integer.parseInt(args[7]),
          Integer.parseInt(args[8]));
    } else if (args.length == 5 && args[0].equals("sessions")) {
      sessions(URI.create(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]), args[4]);
    } else {
      System.err.println(
          "usage: McpLoad compare call|list <directUrl> <directTool> <gatewayUrl> <gatewayTool>"
              + " <calls-per-round> <concurrency> <rounds>\n"
              + "       McpLoad sessions <gatewayUrl> <sessions> <holdSeconds> <tool>");
      System.exit(2);
    }
    System.exit(0);
  }

  /** What one timed request does. */
  enum Op {
    CALL,
    LIST
  }

  /** One side of the comparison; {@code tool} is the echo tool's name as this side lists it. */
  record Target(String name, URI url, String tool) {}

  private static void compare(Op op, Target direct, Target gateway, int calls, int conc, int rounds)
      throws Exception {
    HttpClient http = McpBenchClient.http();
    ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    List<McpBenchClient> directSessions = sessions(http, direct.url(), conc);
    List<McpBenchClient> gatewaySessions = sessions(http, gateway.url(), conc);
    if (op == Op.LIST) {
      System.out.printf(
          "tools listed: direct %d, gateway %d%n",
          directSessions.get(0).listTools(), gatewaySessions.get(0).listTools());
    }
    // Warm-up (JIT, connection pools) for both, not recorded.
    run(op, direct, directSessions, Math.max(calls / 2, conc), workers);
    run(op, gateway, gatewaySessions, Math.max(calls / 2, conc), workers);

    List<long[]> directAll = new ArrayList<>();
    List<long[]> gatewayAll = new ArrayList<>();
    System.out.printf(
        "%-6s %-8s %8s %8s %8s %9s%n", "round", "target", "p50_ms", "p99_ms", "mean_ms", "req/s");
    for (int round = 1; round <= rounds; round++) {
      for (Target t : List.of(direct, gateway)) {
        boolean isDirect = t == direct;
        long start = System.nanoTime();
        long[] nanos = run(op, t, isDirect ? directSessions : gatewaySessions, calls, workers);
        double seconds = (System.nanoTime() - start) / 1e9;
        (isDirect ? directAll : gatewayAll).add(nanos);
        System.out.printf(
            "%-6d %-8s %8.3f %8.3f %8.3f %9.0f%n",
            round,
            t.name(),
            ms(pct(nanos, 50)),
            ms(pct(nanos, 99)),
            ms(mean(nanos)),
            nanos.length / seconds);
      }
    }
    long[] d = concat(directAll);
    long[] g = concat(gatewayAll);
    System.out.println();
    System.out.printf(
        "all rounds (%d requests each): %-8s p50 %.3f ms  p99 %.3f ms  mean %.3f ms%n",
        d.length, "direct", ms(pct(d, 50)), ms(pct(d, 99)), ms(mean(d)));
    System.out.printf(
        "all rounds (%d requests each): %-8s p50 %.3f ms  p99 %.3f ms  mean %.3f ms%n",
        g.length, "gateway", ms(pct(g, 50)), ms(pct(g, 99)), ms(mean(g)));
    System.out.printf(
        "gateway/direct: p50 %.2fx  p99 %.2fx;  added by the gateway: p50 %+.3f ms  p99 %+.3f ms%n",
        (double) pct(g, 50) / pct(d, 50),
        (double) pct(g, 99) / pct(d, 99),
        ms(pct(g, 50) - pct(d, 50)),
        ms(pct(g, 99) - pct(d, 99)));
    workers.shutdownNow();
  }

  private static List<McpBenchClient> sessions(HttpClient http, URI url, int n) throws Exception {
    List<McpBenchClient> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new McpBenchClient(http, url).initialize());
    }
    return out;
  }

  /** {@code calls} requests spread over one worker per session; returns each one's nanoseconds. */
  private static long[] run(
      Op op, Target target, List<McpBenchClient> sessions, int calls, ExecutorService workers)
      throws Exception {
    long[] nanos = new long[calls];
    AtomicInteger next = new AtomicInteger();
    List<Future<?>> done = new ArrayList<>();
    for (McpBenchClient session : sessions) {
      done.add(
          workers.submit(
              () -> {
                for (int i = next.getAndIncrement(); i < calls; i = next.getAndIncrement()) {
                  long start = System.nanoTime();
                  if (op == Op.CALL) {
                    session.echo(target.tool(), "hi " + i);
                  } else {
                    session.listTools();
                  }
                  nanos[i] = System.nanoTime() - start;
                }
                return null;
              }));
    }
    for (Future<?> f : done) {
      f.get();
    }
    Arrays.sort(nanos);
    return nanos;
  }

  private static void sessions(URI url, int n, int holdSeconds, String tool) throws Exception {
    HttpClient http = McpBenchClient.http();
    List<McpBenchClient> clients = new ArrayList<>();
    Semaphore parallel = new Semaphore(32);
    List<Future<McpBenchClient>> opening = new ArrayList<>();
    long start = System.nanoTime();
    try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < n; i++) {
        opening.add(
            pool.submit(
                () -> {
                  parallel.acquire();
                  try {
                    return new McpBenchClient(http, url).initialize();
                  } finally {
                    parallel.release();
                  }
                }));
      }
      for (Future<McpBenchClient> f : opening) {
        clients.add(f.get());
      }
    }
    System.out.printf(
        "sessions initialized: %d in %.1f s%n", clients.size(), (System.nanoTime() - start) / 1e9);

    AtomicInteger settled = new AtomicInteger(); // streams that sent bytes or ended
    AtomicInteger open = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    List<InputStream> streams = new ArrayList<>();
    List<CompletableFuture<?>> heads = new ArrayList<>();
    for (McpBenchClient c : clients) {
      heads.add(
          c.openStream()
              .thenAccept(
                  res -> {
                    if (res.statusCode() != 200) {
                      refused.incrementAndGet();
                      return;
                    }
                    synchronized (streams) {
                      streams.add(res.body());
                    }
                    Thread.ofVirtual().start(() -> drain(res, settled, open));
                  }));
    }
    CompletableFuture.allOf(heads.toArray(CompletableFuture[]::new)).get(120, TimeUnit.SECONDS);
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (settled.get() + refused.get() < n && System.nanoTime() < until) {
      Thread.sleep(100);
    }
    System.out.printf("sse streams held: %d of %d (refused %d)%n", open.get(), n, refused.get());

    // While they are held: a call on a session that holds a stream, and on a fresh session.
    long t0 = System.nanoTime();
    clients.get(0).echo(tool, "still there");
    long t1 = System.nanoTime();
    new McpBenchClient(http, url).initialize().echo(tool, "new session");
    long t2 = System.nanoTime();
    System.out.printf(
        "tools/call while holding: on a held session %.1f ms, initialize + call on a new session"
            + " %.1f ms: ok%n",
        (t1 - t0) / 1e6, (t2 - t1) / 1e6);
    System.out.println("holding");
    System.out.flush();
    Thread.sleep(TimeUnit.SECONDS.toMillis(holdSeconds));
    System.out.printf("sse streams still open after %d s: %d%n", holdSeconds, open.get());
    synchronized (streams) {
      for (InputStream s : streams) {
        try {
          s.close();
        } catch (IOException e) {
          // closing anyway
        }
      }
    }
  }

  /** Reads a held stream until it ends; counted as held once its first bytes (a comment) came. */
  private static void drain(
      HttpResponse<InputStream> res, AtomicInteger settled, AtomicInteger open) {
    byte[] buf = new byte[1024];
    boolean counted = false;
    try (InputStream in = res.body()) {
      int n;
      while ((n = in.read(buf)) > 0) {
        if (!counted) {
          counted = true;
          settled.incrementAndGet();
          open.incrementAndGet();
        }
      }
    } catch (IOException e) {
      // the stream ended
    } finally {
      if (counted) {
        open.decrementAndGet();
      } else {
        settled.incrementAndGet(); // ended without a byte: settled, not open
      }
    }
  }

  private static long pct(long[] sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static double mean(long[] nanos) {
    return Arrays.stream(nanos).average().orElse(0);
  }

  private static double ms(double nanos) {
    return nanos / 1e6;
  }

  private static long[] concat(List<long[]> parts) {
    long[] all = parts.stream().flatMapToLong(Arrays::stream).toArray();
    Arrays.sort(all);
    return all;
  }
}
