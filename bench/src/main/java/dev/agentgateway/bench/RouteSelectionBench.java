package dev.agentgateway.bench;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.HeaderMatch;
import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.PathMatch;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteBackend;
import dev.agentgateway.model.ir.RouteMatch;
import dev.agentgateway.model.ir.ValueMatch;
import dev.agentgateway.proxy.routing.RequestView;
import dev.agentgateway.proxy.routing.RouteSelection;
import dev.agentgateway.proxy.routing.RouteTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Route selection over tables of 10, 1k and 10k routes. Per ten routes {@code /api/v1/svc<i>}: one
 * exact {@code .../health}, one prefix restricted to POST, one prefix with a header match, seven
 * plain prefixes; every 250th route is a regex instead. Requests hit a plain prefix route in the
 * middle, one near the end, and a path no route matches.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class RouteSelectionBench {

  @Param({"10", "1000", "10000"})
  int routes;

  private RouteTable table;
  private RequestView middle;
  private RequestView nearEnd;
  private RequestView withHeader;
  private RequestView miss;

  @Setup
  public void setUp() {
    List<Route> list = new ArrayList<>(routes);
    for (int i = 0; i < routes; i++) {
      list.add(route(i));
    }
    table = RouteTable.compile(List.of(new Listener("l", "bind/1", "l", null, null)), list);
    middle = request("GET", "/api/v1/svc" + plainAtOrAfter(routes / 2) + "/items/42", Map.of());
    nearEnd = request("GET", "/api/v1/svc" + plainAtOrBefore(routes - 1) + "/items/42", Map.of());
    int headerRoute = (routes / 2) / 10 * 10 + 2;
    withHeader =
        request("GET", "/api/v1/svc" + headerRoute + "/x", Map.of("x-tenant", "t" + headerRoute));
    miss = request("GET", "/api/v2/unknown/items", Map.of());
    check(middle, true);
    check(nearEnd, true);
    check(withHeader, true);
    check(miss, false);
  }

  @Benchmark
  public RouteSelection hitMiddle() {
    return table.select(middle);
  }

  @Benchmark
  public RouteSelection hitNearEnd() {
    return table.select(nearEnd);
  }

  @Benchmark
  public RouteSelection hitHeaderMatch() {
    return table.select(withHeader);
  }

  @Benchmark
  public RouteSelection miss() {
    return table.select(miss);
  }

  private void check(RequestView request, boolean hit) {
    if ((table.select(request) != null) != hit) {
      throw new IllegalStateException("unexpected selection for " + request.path());
    }
  }

  private static boolean plain(int i) {
    return i % 10 >= 3 && !regex(i);
  }

  private static boolean regex(int i) {
    return i % 250 == 125;
  }

  private int plainAtOrAfter(int i) {
    while (!plain(i)) {
      i++;
    }
    return i;
  }

  private static int plainAtOrBefore(int i) {
    while (!plain(i)) {
      i--;
    }
    return i;
  }

  private static Route route(int i) {
    String base = "/api/v1/svc" + i;
    RouteMatch match;
    if (regex(i)) {
      match =
          new RouteMatch(new PathMatch.Regex(base + "/[a-z]+/[0-9]+"), null, List.of(), List.of());
    } else {
      match =
          switch (i % 10) {
            case 0 ->
                new RouteMatch(new PathMatch.Exact(base + "/health"), null, List.of(), List.of());
            case 1 -> new RouteMatch(new PathMatch.Prefix(base), "POST", List.of(), List.of());
            case 2 ->
                new RouteMatch(
                    new PathMatch.Prefix(base),
                    null,
                    List.of(new HeaderMatch("x-tenant", new ValueMatch.Exact("t" + i))),
                    List.of());
            default -> new RouteMatch(new PathMatch.Prefix(base), null, List.of(), List.of());
          };
    }
    return new Route(
        "route-" + i,
        "l",
        "route-" + i,
        "bench",
        "",
        List.of(),
        List.of(match),
        null,
        List.of(new RouteBackend(new Backend.Host("svc" + i, 8080), 1)),
        i);
  }

  private static RequestView request(String method, String path, Map<String, String> headers) {
    return new RequestView() {
      @Override
      public String host() {
        return "api.example.com";
      }

      @Override
      public String method() {
        return method;
      }

      @Override
      public String path() {
        return path;
      }

      @Override
      public String header(String name) {
        return headers.get(name);
      }

      @Override
      public String query(String name) {
        return null;
      }
    };
  }
}
