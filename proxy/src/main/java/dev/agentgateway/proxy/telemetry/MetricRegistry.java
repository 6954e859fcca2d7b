package dev.agentgateway.proxy.telemetry;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Our own small metric registry: exact upstream metric names and labels, lock-free updates ({@link
 * java.util.concurrent.atomic.LongAdder} per series) and Prometheus text output.
 */
public final class MetricRegistry {
  /** The content type of {@link #scrape()}. */
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private final List<MetricFamily<?>> families = new CopyOnWriteArrayList<>();

  /** Registers a counter; its name should end in {@code _total}. */
  public CounterFamily counter(String name, String help, String... labelNames) {
    return register(new CounterFamily(name, help, List.of(labelNames)));
  }

  /** Registers a gauge. */
  public GaugeFamily gauge(String name, String help, String... labelNames) {
    return register(new GaugeFamily(name, help, List.of(labelNames)));
  }

  /** Registers a histogram with the given upper bucket bounds (+Inf is implied). */
  public HistogramFamily histogram(
      String name, String help, double[] buckets, String... labelNames) {
    return register(new HistogramFamily(name, help, buckets, List.of(labelNames)));
  }

  private <F extends MetricFamily<?>> F register(F family) {
    for (MetricFamily<?> f : families) {
      if (f.name().equals(family.name())) {
        throw new IllegalArgumentException("metric already registered: " + family.name());
      }
    }
    families.add(family);
    return family;
  }

  /** Every family in registration order, in Prometheus text format. */
  public String scrape() {
    StringBuilder out = new StringBuilder(4096);
    for (MetricFamily<?> f : families) {
      f.write(out);
    }
    return out.toString();
  }
}
