package dev.agentgateway.proxy.routing;

import dev.agentgateway.model.ir.HeaderMatch;
import dev.agentgateway.model.ir.Listener;
import dev.agentgateway.model.ir.PathMatch;
import dev.agentgateway.model.ir.QueryMatch;
import dev.agentgateway.model.ir.Route;
import dev.agentgateway.model.ir.RouteMatch;
import dev.agentgateway.model.ir.ValueMatch;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One (route, match) pair compiled for selection. Its {@link RouteSelection} is built once here and
 * returned as-is, so a hit allocates nothing.
 */
final class Candidate {

  /**
   * Gateway API precedence among candidates whose path conditions rank equally: a method match,
   * then more header matches, then more query matches, then route order (standing in for creation
   * time), then namespace and name, then the unique route key (so the order never depends on the
   * order routes arrived in), then match index.
   */
  static final Comparator<Candidate> PRECEDENCE =
      Comparator.comparingInt((Candidate c) -> c.method == null ? 1 : 0)
          .thenComparingInt(c -> -c.headers.length)
          .thenComparingInt(c -> -c.query.length)
          .thenComparingInt(c -> c.selection.route().order())
          .thenComparing(c -> c.selection.route().namespace())
          .thenComparing(c -> c.selection.route().name())
          .thenComparing(c -> c.selection.route().key())
          .thenComparingInt(c -> c.matchIndex);

  private static final ValueCondition[] NONE = new ValueCondition[0];

  final RouteSelection selection;
  private final String method;
  private final ValueCondition[] headers;
  private final ValueCondition[] query;
  private final Pattern pathRegex;
  private final String pathRegexPrefix;
  private final int matchIndex;

  private Candidate(
      RouteSelection selection,
      String method,
      ValueCondition[] headers,
      ValueCondition[] query,
      Pattern pathRegex,
      int matchIndex) {
    this.selection = selection;
    this.method = method;
    this.headers = headers;
    this.query = query;
    this.pathRegex = pathRegex;
    this.pathRegexPrefix =
        pathRegex == null ? null : ValueCondition.literalPrefix(pathRegex.pattern());
    this.matchIndex = matchIndex;
  }

  /**
   * Compiles match {@code matchIndex} of {@code route}.
   *
   * @throws IllegalArgumentException when a regular expression is invalid
   */
  static Candidate compile(
      Listener listener, Route route, int matchIndex, WeightedBackends backends) {
    RouteMatch match = route.matches().get(matchIndex);
    String where = "route " + route.key() + " matches[" + matchIndex + "]";
    Pattern pathRegex =
        match.path() instanceof PathMatch.Regex r
            ? ValueCondition.compile(r.pattern(), where + ".path")
            : null;
    return new Candidate(
        new RouteSelection(listener, route, match.path(), backends),
        match.method(),
        conditions(match.headers(), HeaderMatch::name, HeaderMatch::value, where + ".headers"),
        conditions(match.query(), QueryMatch::name, QueryMatch::value, where + ".query"),
        pathRegex,
        matchIndex);
  }

  private static <T> ValueCondition[] conditions(
      List<T> items, Function<T, String> name, Function<T, ValueMatch> value, String where) {
    if (items.isEmpty()) {
      return NONE;
    }
    ValueCondition[] out = new ValueCondition[items.size()];
    for (int i = 0; i < out.length; i++) {
      T item = items.get(i);
      out[i] = ValueCondition.of(name.apply(item), value.apply(item), where + "[" + i + "]");
    }
    return out;
  }

  /** The first candidate of {@code candidates} whose non-path conditions hold, or null. */
  static RouteSelection first(Candidate[] candidates, RequestView request) {
    for (Candidate c : candidates) {
      if (c.matchesRest(request)) {
        return c.selection;
      }
    }
    return null;
  }

  /** True when this candidate's path is a regular expression that fully matches {@code path}. */
  boolean matchesRegexPath(String path) {
    return path.startsWith(pathRegexPrefix) && pathRegex.matcher(path).matches();
  }

  /** Method, header and query conditions; the caller has already checked the path. */
  boolean matchesRest(RequestView request) {
    if (method != null && !method.equals(request.method())) {
      return false;
    }
    for (ValueCondition h : headers) {
      if (!h.test(request.header(h.name()))) {
        return false;
      }
    }
    for (ValueCondition q : query) {
      if (!q.test(request.query(q.name()))) {
        return false;
      }
    }
    return true;
  }
}
