package dev.agentgateway.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time the JVM's threads spend per request over one benchmark iteration: the sum of {@link
 * ThreadMXBean#getThreadCpuTime} over every live platform thread (virtual threads run on carrier
 * threads, which are counted; JIT compiler and GC threads are not Java-visible threads and are
 * not). Unlike wall-clock time it barely moves when other processes compete for the cores.
 */
final class ThreadCpu {
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
  private final List<Double> perRequestMicros = new ArrayList<>();
  private long startNanos;

  /** Marks the start of an iteration. */
  void start() {
    startNanos = total();
  }

  /** Marks the end of an iteration of {@code requests} requests and prints its CPU per request. */
  void end(long requests) {
    double micros = requests == 0 ? 0 : (total() - startNanos) / 1000.0 / requests;
    perRequestMicros.add(micros);
    System.out.printf(" [cpu %.1f us/request over %d requests]%n", micros, requests);
  }

  /** The mean, min and max CPU per request of the last {@code last} iterations. */
  String summary(int last) {
    List<Double> tail =
        perRequestMicros.subList(
            Math.max(0, perRequestMicros.size() - last), perRequestMicros.size());
    double mean = tail.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double min = tail.stream().mapToDouble(Double::doubleValue).min().orElse(0);
    double max = tail.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    return String.format(
        "CPU per request, JVM threads, last %d iterations: mean %.1f us (%.1f-%.1f)",
        tail.size(), mean, min, max);
  }

  private long total() {
    long sum = 0;
    for (long id : threads.getAllThreadIds()) {
      long nanos = threads.getThreadCpuTime(id);
      if (nanos > 0) {
        sum += nanos;
      }
    }
    return sum;
  }
}
