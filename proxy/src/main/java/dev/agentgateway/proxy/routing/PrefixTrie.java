package dev.agentgateway.proxy.routing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Path-prefix candidates in a trie of path segments, so prefix matching is segment-aware by
 * construction and a lookup costs one probe per request segment, however many routes there are.
 *
 * <p>A prefix is normalised by dropping trailing slashes ({@code /foo/} and {@code /foo} are the
 * same node and both match {@code /foo}, {@code /foo/} and {@code /foo/bar}); {@code /} is the root
 * and matches every path. Two prefixes that match the same path always lie on one branch, so the
 * deepest matching node holds the longest prefix; lookups try nodes deepest first.
 */
final class PrefixTrie {
  private static final Candidate[] EMPTY = new Candidate[0];

  private final Node root;

  private PrefixTrie(Node root) {
    this.root = root;
  }

  /** The best candidate whose prefix matches {@code request.path()}, or null. */
  RouteSelection select(String path, RequestView request) {
    int start = path.startsWith("/") ? 1 : path.length() + 1;
    return select(root, path, start, request);
  }

  private static RouteSelection select(Node node, String path, int start, RequestView request) {
    if (node.children != null && start <= path.length()) {
      int end = path.indexOf('/', start);
      if (end < 0) {
        end = path.length();
      }
      Node child = node.children.get(path, start, end);
      if (child != null) {
        RouteSelection deeper = select(child, path, end + 1, request);
        if (deeper != null) {
          return deeper;
        }
      }
    }
    return Candidate.first(node.candidates, request);
  }

  /** A trie node: candidates whose prefix ends here, and children by next segment. */
  private static final class Node {
    final Candidate[] candidates;
    final SegmentMap children;

    Node(Candidate[] candidates, SegmentMap children) {
      this.candidates = candidates;
      this.children = children;
    }
  }

  /** Collects candidates by prefix, then freezes them into a trie. */
  static final class Builder {
    private final MutableNode root = new MutableNode();

    /** Adds {@code candidate} under path prefix {@code prefix}. */
    void add(String prefix, Candidate candidate) {
      MutableNode node = root;
      int end = prefix.length();
      while (end > 0 && prefix.charAt(end - 1) == '/') {
        end--;
      }
      int start = prefix.startsWith("/") ? 1 : 0;
      if (start < end) {
        while (true) {
          int slash = prefix.indexOf('/', start);
          int segmentEnd = slash < 0 || slash > end ? end : slash;
          node =
              node.children.computeIfAbsent(
                  prefix.substring(start, segmentEnd), k -> new MutableNode());
          if (segmentEnd >= end) {
            break;
          }
          start = segmentEnd + 1;
        }
      }
      node.candidates.add(candidate);
    }

    /** True when no candidate was added. */
    boolean isEmpty() {
      return root.candidates.isEmpty() && root.children.isEmpty();
    }

    PrefixTrie build() {
      return new PrefixTrie(root.freeze());
    }
  }

  private static final class MutableNode {
    final List<Candidate> candidates = new ArrayList<>();
    final Map<String, MutableNode> children = new LinkedHashMap<>();

    Node freeze() {
      Candidate[] sorted = EMPTY;
      if (!candidates.isEmpty()) {
        sorted = candidates.toArray(Candidate[]::new);
        Arrays.sort(sorted, Candidate.PRECEDENCE);
      }
      if (children.isEmpty()) {
        return new Node(sorted, null);
      }
      String[] keys = new String[children.size()];
      Node[] values = new Node[keys.length];
      int i = 0;
      for (Map.Entry<String, MutableNode> e : children.entrySet()) {
        keys[i] = e.getKey();
        values[i++] = e.getValue().freeze();
      }
      return new Node(sorted, new SegmentMap(keys, values));
    }
  }

  /**
   * An open-addressing map from segment to node that looks up a region of the request path in
   * place, so walking the trie allocates no substrings.
   */
  private static final class SegmentMap {
    private final String[] keys;
    private final int[] hashes;
    private final Node[] values;
    private final int mask;

    SegmentMap(String[] keys, Node[] values) {
      int capacity = Integer.highestOneBit(Math.max(2, keys.length * 2 - 1)) << 1;
      this.keys = new String[capacity];
      this.hashes = new int[capacity];
      this.values = new Node[capacity];
      this.mask = capacity - 1;
      for (int k = 0; k < keys.length; k++) {
        int hash = hash(keys[k], 0, keys[k].length());
        int slot = hash & mask;
        while (this.keys[slot] != null) {
          slot = (slot + 1) & mask;
        }
        this.keys[slot] = keys[k];
        this.hashes[slot] = hash;
        this.values[slot] = values[k];
      }
    }

    Node get(String path, int start, int end) {
      int hash = hash(path, start, end);
      int length = end - start;
      for (int slot = hash & mask; ; slot = (slot + 1) & mask) {
        String key = keys[slot];
        if (key == null) {
          return null;
        }
        if (hashes[slot] == hash
            && key.length() == length
            && path.regionMatches(start, key, 0, length)) {
          return values[slot];
        }
      }
    }

    private static int hash(String s, int start, int end) {
      int h = 0;
      for (int i = start; i < end; i++) {
        h = 31 * h + s.charAt(i);
      }
      return h ^ (h >>> 16);
    }
  }
}
