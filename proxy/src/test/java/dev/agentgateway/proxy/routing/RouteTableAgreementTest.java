package dev.agentgateway.proxy.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.agentgateway.model.ir.HeaderMatch;
import dev.agentgateway.model.ir.PathMatch;
import dev.agentgateway.model.ir.QueryMatch;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteMatch;
import dev.agentgateway.model.ir.ValueMatch;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Checks the indexed table against a plain linear scan that spells out the precedence rules, over
 * many random route sets and requests.
 */
class RouteTableAgreementTest {
  private static final String[] SEGMENTS = {"a", "b", "ab", "c"};
  private static final String[] HOSTS = {"", "a.example.com", "x.b.example.com", "example.com"};
  private static final List<List<String>> ROUTE_HOSTS =
      List.of(
          List.of(),
          List.of("a.example.com"),
          List.of("*.example.com"),
          List.of("*.b.example.com"));
  private static final String[] REGEXES = {"/a/.*", "/[ab]+", "/(a|b)/c", "/ab?/c", "/c|/a/b"};
  private static final String VALUE_REGEX = "[12]";
  private static final Map<String, Pattern> PATTERNS =
      Stream.concat(Stream.of(REGEXES), Stream.of(VALUE_REGEX))
          .collect(Collectors.toUnmodifiableMap(r -> r, Pattern::compile));

  @Test
  void indexedTableAgreesWithLinearScan() {
    SplittableRandom random = new SplittableRandom(20261126);
    int compared = 0;
    for (int round = 0; round < 200; round++) {
      List<Route> routes = new ArrayList<>();
      int count = 1 + random.nextInt(30);
      for (int i = 0; i < count; i++) {
        routes.add(randomRoute(random, i));
      }
      RouteTable table = Routes.table(routes.toArray(Route[]::new));
      for (int q = 0; q < 50; q++) {
        TestRequest request = randomRequest(random);
        Winner expected = linearScan(routes, request);
        RouteSelection actual = table.select(request);
        assertEquals(
            expected == null ? null : expected.route.key() + " " + expected.path,
            actual == null ? null : actual.route().key() + " " + actual.matchedPath(),
            () -> request + " over " + describe(routes));
        compared++;
      }
    }
    assertEquals(200 * 50, compared);
  }

  private static String describe(List<Route> routes) {
    StringBuilder out = new StringBuilder();
    for (Route route : routes) {
      out.append("\n  ").append(route.key()).append(" order=").append(route.order());
      out.append(" hosts=").append(route.hostnames());
      for (RouteMatch m : route.matches()) {
        out.append(" [").append(m.path()).append(' ').append(m.method());
        out.append(" h=")
            .append(m.headers().size())
            .append(" q=")
            .append(m.query().size())
            .append(']');
      }
    }
    return out.toString();
  }

  private static Route randomRoute(SplittableRandom random, int index) {
    List<RouteMatch> matches = new ArrayList<>();
    int count = 1 + random.nextInt(2);
    for (int m = 0; m < count; m++) {
      PathMatch path =
          switch (random.nextInt(5)) {
            case 0 -> new PathMatch.Exact(randomPath(random));
            case 1 -> new PathMatch.Regex(REGEXES[random.nextInt(REGEXES.length)]);
            default -> new PathMatch.Prefix(randomPath(random));
          };
      String method =
          switch (random.nextInt(4)) {
            case 0 -> "GET";
            case 1 -> "POST";
            default -> null;
          };
      List<HeaderMatch> headers = new ArrayList<>();
      for (int h = random.nextInt(3); h > 0; h--) {
        headers.add(new HeaderMatch("x-" + h, value(random)));
      }
      List<QueryMatch> query = new ArrayList<>();
      for (int h = random.nextInt(3); h > 0; h--) {
        query.add(new QueryMatch("q" + h, value(random)));
      }
      matches.add(new RouteMatch(path, method, headers, query));
    }
    return Routes.route(
        "r" + index,
        Routes.LISTENER,
        random.nextInt(4),
        ROUTE_HOSTS.get(random.nextInt(ROUTE_HOSTS.size())),
        matches.toArray(RouteMatch[]::new));
  }

  private static ValueMatch value(SplittableRandom random) {
    return random.nextInt(3) == 0
        ? new ValueMatch.Regex(VALUE_REGEX)
        : new ValueMatch.Exact("" + (1 + random.nextInt(2)));
  }

  private static String randomPath(SplittableRandom random) {
    StringBuilder path = new StringBuilder();
    for (int depth = random.nextInt(4); depth > 0; depth--) {
      path.append('/').append(SEGMENTS[random.nextInt(SEGMENTS.length)]);
    }
    if (path.isEmpty() || random.nextInt(4) == 0) {
      path.append('/');
    }
    return path.toString();
  }

  private static TestRequest randomRequest(SplittableRandom random) {
    TestRequest request =
        TestRequest.get(randomPath(random))
            .host(HOSTS[random.nextInt(HOSTS.length)])
            .method(random.nextBoolean() ? "GET" : "POST");
    for (int h = 1; h <= 2; h++) {
      if (random.nextBoolean()) {
        request.header("X-" + h, "" + (1 + random.nextInt(2)));
      }
      if (random.nextBoolean()) {
        request.query("q" + h, "" + (1 + random.nextInt(2)));
      }
    }
    return request;
  }

  /** A matching (route, match) pair and its rank key, smaller is better. */
  private record Winner(Route route, PathMatch path, int[] rank, int matchIndex) {}

  private static final Comparator<Winner> BEST =
      Comparator.<Winner, int[]>comparing(w -> w.rank, java.util.Arrays::compare)
          .thenComparing(w -> w.route.namespace())
          .thenComparing(w -> w.route.name())
          .thenComparing(w -> w.route.key())
          .thenComparingInt(w -> w.matchIndex);

  private static Winner linearScan(List<Route> routes, TestRequest request) {
    Winner best = null;
    for (Route route : routes) {
      int hostRank = hostRank(route.hostnames(), request.host());
      if (hostRank == Integer.MAX_VALUE) {
        continue;
      }
      for (int m = 0; m < route.matches().size(); m++) {
        RouteMatch match = route.matches().get(m);
        int pathRank = pathRank(match.path(), request.path());
        if (pathRank == Integer.MAX_VALUE || !rest(match, request)) {
          continue;
        }
        int[] rank = {
          hostRank,
          pathRank,
          match.method() == null ? 1 : 0,
          -match.headers().size(),
          -match.query().size(),
          route.order()
        };
        Winner candidate = new Winner(route, match.path(), rank, m);
        if (best == null || BEST.compare(candidate, best) < 0) {
          best = candidate;
        }
      }
    }
    return best;
  }

  /**
   * 0 for an exact hostname, 1000 - suffix length for a wildcard, 2000 for none; MAX if no match.
   */
  private static int hostRank(List<String> hostnames, String host) {
    if (hostnames.isEmpty()) {
      return 2000;
    }
    int best = Integer.MAX_VALUE;
    for (String name : hostnames) {
      if (name.equals(host)) {
        best = 0;
      } else if (name.startsWith("*.")
          && host.endsWith(name.substring(1))
          && host.length() > name.length() - 1) {
        best = Math.min(best, 1000 - (name.length() - 1));
      }
    }
    return best;
  }

  /** 0 for exact, 1000 - trimmed prefix length for a prefix, 2000 for regex; MAX if no match. */
  private static int pathRank(PathMatch match, String path) {
    return switch (match) {
      case PathMatch.Exact e -> e.value().equals(path) ? 0 : Integer.MAX_VALUE;
      case PathMatch.Regex r ->
          pattern(r.pattern()).matcher(path).matches() ? 2000 : Integer.MAX_VALUE;
      case PathMatch.Prefix p -> {
        String prefix = p.value().replaceAll("/+$", "");
        boolean matches =
            path.startsWith(prefix)
                && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
        yield matches ? 1000 - prefix.length() : Integer.MAX_VALUE;
      }
    };
  }

  private static boolean rest(RouteMatch match, TestRequest request) {
    if (match.method() != null && !match.method().equals(request.method())) {
      return false;
    }
    for (HeaderMatch h : match.headers()) {
      if (!test(h.value(), request.header(h.name()))) {
        return false;
      }
    }
    for (QueryMatch q : match.query()) {
      if (!test(q.value(), request.query(q.name()))) {
        return false;
      }
    }
    return true;
  }

  private static Pattern pattern(String regex) {
    return PATTERNS.get(regex);
  }

  private static boolean test(ValueMatch match, String value) {
    return value != null
        && switch (match) {
          case ValueMatch.Exact e -> e.value().equals(value);
          case ValueMatch.Regex r -> pattern(r.pattern()).matcher(value).matches();
        };
  }
}
