package dev.agentgateway.model.ir;

import java.util.List;
import java.util.Objects;

/**
 * One set of conditions that must all hold.
 *
 * @param path the path condition
 * @param method an HTTP method, or {@code null} for any
 * @param headers header conditions
 * @param query query parameter conditions
 */
public record RouteMatch(
    PathMatch path, String method, List<HeaderMatch> headers, List<QueryMatch> query) {

  /** Matches every request (the default {@code pathPrefix: /}). */
  public static final RouteMatch ANY =
      new RouteMatch(new PathMatch.Prefix("/"), null, List.of(), List.of());

  public RouteMatch {
    path = Objects.requireNonNullElse(path, new PathMatch.Prefix("/"));
    headers = List.copyOf(headers);
    query = List.copyOf(query);
  }
}
