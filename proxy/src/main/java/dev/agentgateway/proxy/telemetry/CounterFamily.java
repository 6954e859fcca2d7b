package dev.agentgateway.proxy.telemetry;

import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/** A monotonically increasing count per label set. */
public final class CounterFamily extends MetricFamily<LongAdder> {

  CounterFamily(String name, String help, List<String> labelNames) {
    super(name, help, labelNames, LongAdder::new);
  }

  @Override
  String type() {
    return "counter";
  }

  @Override
  void writeSeries(LabelValues labels, LongAdder child, StringBuilder out) {
    out.append(name());
    appendLabels(labels, null, null, out);
    out.append(' ').append(child.sum()).append('\n');
  }
}
