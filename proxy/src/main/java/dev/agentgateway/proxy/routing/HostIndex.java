package dev.agentgateway.proxy.routing;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Values keyed by hostname, most specific first: an exact hostname, then {@code *.} wildcards from
 * the longest suffix to the shortest, then the value for "any host". A wildcard {@code
 * *.example.com} matches {@code a.example.com} and {@code a.b.example.com} but not {@code
 * example.com}.
 */
final class HostIndex<T> {
  private final Map<String, T> exact;
  private final String[] suffixes;
  private final List<T> wildcards;
  private final T any;

  private HostIndex(Map<String, T> exact, String[] suffixes, List<T> wildcards, T any) {
    this.exact = exact;
    this.suffixes = suffixes;
    this.wildcards = wildcards;
    this.any = any;
  }

  /** The value for exactly {@code host}, or null. */
  T exact(String host) {
    return exact.get(host);
  }

  /** The index of the first wildcard at or after {@code from} that matches {@code host}, or -1. */
  int nextWildcard(String host, int from) {
    for (int i = from; i < suffixes.length; i++) {
      String suffix = suffixes[i];
      if (host.length() > suffix.length() && host.endsWith(suffix)) {
        return i;
      }
    }
    return -1;
  }

  /** The value of wildcard {@code index} (from {@link #nextWildcard}). */
  T wildcard(int index) {
    return wildcards.get(index);
  }

  /** The value for any host, or null. */
  T any() {
    return any;
  }

  /** The most specific value for {@code host}, or null. */
  T best(String host) {
    T value = exact(host);
    if (value != null) {
      return value;
    }
    int wildcard = nextWildcard(host, 0);
    return wildcard >= 0 ? wildcard(wildcard) : any;
  }

  /** Collects one accumulator per hostname, then maps each to its final value. */
  static final class Builder<A> {
    private final Supplier<A> factory;
    private final Map<String, A> exact = new LinkedHashMap<>();
    private final Map<String, A> wildcards = new LinkedHashMap<>();
    private A any;

    Builder(Supplier<A> factory) {
      this.factory = factory;
    }

    /**
     * The accumulator for {@code hostname}: exact, {@code *.suffix}, or any host when null, empty
     * or {@code *}. Hostnames are compared case-insensitively.
     */
    A slot(String hostname) {
      if (hostname == null || hostname.isEmpty() || hostname.equals("*")) {
        if (any == null) {
          any = factory.get();
        }
        return any;
      }
      String host = hostname.toLowerCase(Locale.ROOT);
      if (host.startsWith("*.")) {
        return wildcards.computeIfAbsent(host.substring(1), k -> factory.get());
      }
      return exact.computeIfAbsent(host, k -> factory.get());
    }

    <T> HostIndex<T> build(Function<A, T> finish) {
      Map<String, T> exactValues = new HashMap<>();
      exact.forEach((host, acc) -> exactValues.put(host, finish.apply(acc)));
      List<String> suffixes = new ArrayList<>(wildcards.keySet());
      suffixes.sort(Comparator.comparingInt(String::length).reversed());
      List<T> wildcardValues = new ArrayList<>(suffixes.size());
      for (String suffix : suffixes) {
        wildcardValues.add(finish.apply(wildcards.get(suffix)));
      }
      return new HostIndex<>(
          Map.copyOf(exactValues),
          suffixes.toArray(String[]::new),
          List.copyOf(wildcardValues),
          any == null ? null : finish.apply(any));
    }
  }
}
