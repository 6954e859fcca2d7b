package dev.agentgateway.proxy.telemetry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * One named metric with a fixed list of label names and one child per label set; children are
 * created on first use and never removed, so the label values must come from a bounded set.
 *
 * @param <T> the child type (a counter, histogram or gauge cell)
 */
public abstract sealed class MetricFamily<T> permits CounterFamily, GaugeFamily, HistogramFamily {

  /** Past this many label sets, new ones share one overflow series instead of growing memory. */
  static final int MAX_SERIES = 10_000;

  static final String OVERFLOW = "__overflow__";

  private final String name;
  private final String help;
  private final List<String> labelNames;
  private final Map<LabelValues, T> children = new ConcurrentHashMap<>();
  private final Supplier<T> factory;
  private final LabelValues overflow;

  MetricFamily(String name, String help, List<String> labelNames, Supplier<T> factory) {
    this.name = PrometheusText.checkName(name);
    this.help = help;
    this.labelNames = List.copyOf(labelNames);
    this.labelNames.forEach(PrometheusText::checkName);
    this.factory = factory;
    String[] overflowValues = new String[labelNames.size()];
    java.util.Arrays.fill(overflowValues, OVERFLOW);
    this.overflow = LabelValues.of(overflowValues);
  }

  /** The metric name, e.g. {@code agentgateway_requests_total}. */
  public String name() {
    return name;
  }

  /** The child for {@code labels}, created on first use. */
  public T labels(LabelValues labels) {
    T child = children.get(labels);
    if (child != null) {
      return child;
    }
    if (labels.size() != labelNames.size()) {
      throw new IllegalArgumentException(
          name + " has labels " + labelNames + " but got " + labels.size() + " values");
    }
    if (children.size() >= MAX_SERIES) {
      return children.computeIfAbsent(overflow, k -> factory.get());
    }
    return children.computeIfAbsent(labels, k -> factory.get());
  }

  /** The child for these label values, in label-name order. */
  public T labels(String... values) {
    return labels(LabelValues.of(values));
  }

  /** Writes HELP, TYPE and every series in Prometheus text format, series sorted by labels. */
  final void write(StringBuilder out) {
    out.append("# HELP ").append(name).append(' ');
    PrometheusText.escapeHelp(help, out);
    out.append("\n# TYPE ").append(name).append(' ').append(type()).append('\n');
    List<Map.Entry<LabelValues, T>> series = new ArrayList<>(children.entrySet());
    series.sort(Map.Entry.comparingByKey());
    for (Map.Entry<LabelValues, T> e : series) {
      writeSeries(e.getKey(), e.getValue(), out);
    }
  }

  abstract String type();

  abstract void writeSeries(LabelValues labels, T child, StringBuilder out);

  /** Appends {@code {a="x",b="y"}} (or nothing without labels), plus an optional extra label. */
  final void appendLabels(
      LabelValues values, String extraName, String extraValue, StringBuilder out) {
    if (labelNames.isEmpty() && extraName == null) {
      return;
    }
    out.append('{');
    for (int i = 0; i < labelNames.size(); i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(labelNames.get(i)).append("=\"");
      PrometheusText.escapeLabelValue(values.get(i), out);
      out.append('"');
    }
    if (extraName != null) {
      if (!labelNames.isEmpty()) {
        out.append(',');
      }
      out.append(extraName).append("=\"").append(extraValue).append('"');
    }
    out.append('}');
  }
}
