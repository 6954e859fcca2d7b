package dev.agentgateway.proxy.telemetry;

import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** Observations counted into fixed buckets per label set; exposed cumulatively. */
public final class HistogramFamily extends MetricFamily<HistogramFamily.Histogram> {
  private final double[] bounds;
  private final String[] boundLabels;

  HistogramFamily(String name, String help, double[] bounds, List<String> labelNames) {
    this(checkBounds(bounds.clone()), name, help, labelNames);
  }

  private HistogramFamily(double[] checked, String name, String help, List<String> labelNames) {
    super(name, help, labelNames, () -> new Histogram(checked));
    this.bounds = checked;
    this.boundLabels = new String[checked.length + 1];
    for (int i = 0; i < checked.length; i++) {
      StringBuilder sb = new StringBuilder();
      PrometheusText.appendDouble(checked[i], sb);
      boundLabels[i] = sb.toString();
    }
    boundLabels[checked.length] = "+Inf";
  }

  private static double[] checkBounds(double[] bounds) {
    for (int i = 1; i < bounds.length; i++) {
      if (!(bounds[i] > bounds[i - 1])) {
        throw new IllegalArgumentException("histogram buckets must increase");
      }
    }
    return bounds;
  }

  @Override
  String type() {
    return "histogram";
  }

  @Override
  void writeSeries(LabelValues labels, Histogram child, StringBuilder out) {
    long cumulative = 0;
    for (int i = 0; i <= bounds.length; i++) {
      cumulative += child.buckets[i].sum();
      out.append(name()).append("_bucket");
      appendLabels(labels, "le", boundLabels[i], out);
      out.append(' ').append(cumulative).append('\n');
    }
    out.append(name()).append("_sum");
    appendLabels(labels, null, null, out);
    out.append(' ');
    PrometheusText.appendDouble(child.sum.sum(), out);
    out.append('\n').append(name()).append("_count");
    appendLabels(labels, null, null, out);
    out.append(' ').append(cumulative).append('\n');
  }

  /** One histogram: a counter per bucket (not cumulative until exposed) plus the sum. */
  public static final class Histogram {
    private final double[] bounds;
    private final LongAdder[] buckets;
    private final DoubleAdder sum = new DoubleAdder();

    Histogram(double[] bounds) {
      this.bounds = bounds;
      this.buckets = new LongAdder[bounds.length + 1];
      for (int i = 0; i < buckets.length; i++) {
        buckets[i] = new LongAdder();
      }
    }

    /** Records one observation. */
    public void observe(double value) {
      int i = 0;
      while (i < bounds.length && value > bounds[i]) {
        i++;
      }
      buckets[i].increment();
      sum.add(value);
    }
  }
}
