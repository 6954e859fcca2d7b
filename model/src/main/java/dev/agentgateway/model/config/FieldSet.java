package dev.agentgateway.model.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The field names of one upstream config object: those we read, and those upstream has but we do
 * not implement yet. Any other name is unknown.
 *
 * @param supported fields this loader reads
 * @param notYet fields upstream accepts that this loader rejects as not supported yet
 */
record FieldSet(List<String> supported, List<String> notYet) {

  /** The most edits for which an unknown field still gets a suggestion. */
  private static final int MAX_SUGGESTION_DISTANCE = 2;

  FieldSet {
    supported = List.copyOf(supported);
    notYet = List.copyOf(notYet);
  }

  /** A set from space-separated name lists. */
  static FieldSet of(String supported, String notYet) {
    return new FieldSet(words(supported), words(notYet));
  }

  private static List<String> words(String names) {
    return names.isBlank() ? List.of() : List.of(names.trim().split("\\s+"));
  }

  /** Reports every field of {@code mapping} that is unknown or not supported yet. */
  void check(ConfigNode mapping) {
    for (String name : mapping.fieldNames()) {
      ConfigNode child = mapping.field(name);
      if (supported.contains(name)) {
        continue;
      }
      if (notYet.contains(name)) {
        if (child.present()) {
          child.notSupported();
        }
        continue;
      }
      String suggestion = suggest(name);
      child.error(
          "unknown field \""
              + name
              + "\""
              + (suggestion == null ? "" : " (did you mean \"" + suggestion + "\"?)"));
    }
  }

  /** The known name closest to {@code name}, or {@code null} when none is close. */
  String suggest(String name) {
    List<String> known = new ArrayList<>(supported);
    known.addAll(notYet);
    String best = null;
    int bestDistance = MAX_SUGGESTION_DISTANCE + 1;
    for (String candidate : known) {
      int d = distance(name.toLowerCase(), candidate.toLowerCase());
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best;
  }

  /** Levenshtein distance. */
  static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
