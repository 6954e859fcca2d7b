package dev.agentgateway.proxy.routing;

import dev.agentgateway.model.ir.PathMatch;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The candidates that share one hostname match, indexed by path kind so that the first candidate
 * found that matches in full is the winner: exact paths (hash lookup), then path prefixes (segment
 * trie, longest first), then regular expressions.
 *
 * <p>Regular expressions rank after every prefix, including {@code /}: their specificity cannot be
 * compared with a prefix's, and Gateway API leaves their precedence to the implementation. A route
 * with a regex path therefore only wins when no prefix route of the same hostname match does.
 */
final class CandidateSet {
  private final Map<String, Candidate[]> exact;
  private final PrefixTrie prefixes;
  private final Candidate[] regexes;

  /** Indexes {@code candidates} (in any order) by path kind and sorts each group by precedence. */
  CandidateSet(List<Candidate> candidates) {
    Map<String, List<Candidate>> byPath = new HashMap<>();
    PrefixTrie.Builder trie = new PrefixTrie.Builder();
    List<Candidate> regex = new ArrayList<>();
    for (Candidate c : candidates) {
      switch (c.selection.matchedPath()) {
        case PathMatch.Exact e -> byPath.computeIfAbsent(e.value(), k -> new ArrayList<>()).add(c);
        case PathMatch.Prefix p -> trie.add(p.value(), c);
        case PathMatch.Regex r -> regex.add(c);
      }
    }
    Map<String, Candidate[]> exactIndex = new HashMap<>();
    byPath.forEach((path, list) -> exactIndex.put(path, sorted(list)));
    this.exact = Map.copyOf(exactIndex);
    this.prefixes = trie.isEmpty() ? null : trie.build();
    this.regexes = sorted(regex);
  }

  private static Candidate[] sorted(List<Candidate> list) {
    Candidate[] array = list.toArray(Candidate[]::new);
    Arrays.sort(array, Candidate.PRECEDENCE);
    return array;
  }

  /** The best candidate for {@code request}, or null. */
  RouteSelection select(RequestView request) {
    String path = request.path();
    Candidate[] sameExactPath = exact.get(path);
    if (sameExactPath != null) {
      RouteSelection hit = Candidate.first(sameExactPath, request);
      if (hit != null) {
        return hit;
      }
    }
    if (prefixes != null) {
      RouteSelection hit = prefixes.select(path, request);
      if (hit != null) {
        return hit;
      }
    }
    for (Candidate c : regexes) {
      if (c.matchesRegexPath(path) && c.matchesRest(request)) {
        return c.selection;
      }
    }
    return null;
  }
}
