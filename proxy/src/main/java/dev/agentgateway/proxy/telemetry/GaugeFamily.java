package dev.agentgateway.proxy.telemetry;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A value that may go up and down, per label set. */
public final class GaugeFamily extends MetricFamily<GaugeFamily.Gauge> {

  GaugeFamily(String name, String help, List<String> labelNames) {
    super(name, help, labelNames, Gauge::new);
  }

  @Override
  String type() {
    return "gauge";
  }

  @Override
  void writeSeries(LabelValues labels, Gauge child, StringBuilder out) {
    out.append(name());
    appendLabels(labels, null, null, out);
    out.append(' ');
    PrometheusText.appendDouble(child.get(), out);
    out.append('\n');
  }

  /** One gauge value. */
  public static final class Gauge {
    private final AtomicLong bits = new AtomicLong(Double.doubleToLongBits(0));

    /** Sets the value. */
    public void set(double value) {
      bits.set(Double.doubleToLongBits(value));
    }

    /** The current value. */
    public double get() {
      return Double.longBitsToDouble(bits.get());
    }
  }
}
