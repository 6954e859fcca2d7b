package dev.agentgateway.proxy.telemetry;

import java.util.Arrays;

/**
 * The label values of one time series; a small immutable key with a precomputed hash, so a lookup
 * costs one array and one object.
 */
public final class LabelValues implements Comparable<LabelValues> {
  private final String[] values;
  private final int hash;

  private LabelValues(String[] values) {
    this.values = values;
    this.hash = Arrays.hashCode(values);
  }

  /** Label values in the order of the family's label names; {@code null} becomes empty. */
  public static LabelValues of(String... values) {
    String[] copy = values.clone();
    for (int i = 0; i < copy.length; i++) {
      if (copy[i] == null) {
        copy[i] = "";
      }
    }
    return new LabelValues(copy);
  }

  int size() {
    return values.length;
  }

  String get(int i) {
    return values[i];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LabelValues other
        && hash == other.hash
        && Arrays.equals(values, other.values);
  }

  @Override
  public int hashCode() {
    return hash;
  }

  @Override
  public int compareTo(LabelValues o) {
    return Arrays.compare(values, o.values);
  }

  @Override
  public String toString() {
    return Arrays.toString(values);
  }
}
