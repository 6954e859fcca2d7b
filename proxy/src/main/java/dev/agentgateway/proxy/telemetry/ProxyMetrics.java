package dev.agentgateway.proxy.telemetry;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;

/** The proxy's metrics, named and labelled as upstream agentgateway exposes them. */
public final class ProxyMetrics {
  /** Upper bounds (seconds) for request durations. */
  static final double[] REQUEST_BUCKETS = {
    0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60
  };

  /** Upper bounds (seconds) for upstream TCP connects. */
  static final double[] CONNECT_BUCKETS = {
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10
  };

  private static final Set<String> KNOWN_METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "CONNECT", "OPTIONS", "TRACE", "PATCH");
  private static final String[] STATUS_TEXT = new String[600];
  private static final String[] STATUS_CLASS = {"1xx", "2xx", "3xx", "4xx", "5xx"};

  static {
    for (int i = 100; i < STATUS_TEXT.length; i++) {
      STATUS_TEXT[i] = Integer.toString(i);
    }
  }

  private final MetricRegistry registry = new MetricRegistry();
  private final CounterFamily requests;
  private final CounterFamily mcpRequests;
  private final CounterFamily retries;
  private final HistogramFamily requestDuration;
  private final CounterFamily downstreamConnections;
  private final HistogramFamily upstreamConnect;
  private final GaugeFamily.Gauge configSynchronized;
  private final GenAiMetrics genAi;

  /** Registers every metric; {@code version} goes into {@code agentgateway_build_info}. */
  public ProxyMetrics(String version) {
    registry
        .gauge("agentgateway_build_info", "Build information about this agentgateway.", "tag")
        .labels(version)
        .set(1);
    requests =
        registry.counter(
            "agentgateway_requests_total",
            "The total number of HTTP requests sent.",
            "bind",
            "route",
            "backend",
            "method",
            "status",
            "protocol",
            "reason");
    retries =
        registry.counter(
            "agentgateway_retries_total",
            "The total number of upstream retries (tries after the first).",
            "bind",
            "route",
            "backend");
    mcpRequests =
        registry.counter(
            "agentgateway_mcp_requests_total",
            "The total number of MCP requests, by JSON-RPC method and what they named.",
            "method",
            "server",
            "resource_type",
            "resource");
    requestDuration =
        registry.histogram(
            "agentgateway_request_duration_seconds",
            "Time from request headers to the last response byte.",
            REQUEST_BUCKETS,
            "bind",
            "route",
            "backend",
            "status_class");
    downstreamConnections =
        registry.counter(
            "agentgateway_downstream_connections_total",
            "The total number of downstream connections accepted.",
            "bind");
    upstreamConnect =
        registry.histogram(
            "agentgateway_upstream_connect_duration_seconds",
            "Time to open a new upstream connection.",
            CONNECT_BUCKETS,
            "backend");
    configSynchronized =
        registry
            .gauge(
                "agentgateway_config_synchronized",
                "1 when the last configuration load succeeded, else 0.")
            .labels();
    genAi = new GenAiMetrics(registry);
  }

  /** The LLM metrics. */
  public GenAiMetrics genAi() {
    return genAi;
  }

  /** The registry, for the stats endpoint. */
  public MetricRegistry registry() {
    return registry;
  }

  /** The accepted-connection counter of one bind. */
  public LongAdder downstreamConnections(String bindKey) {
    return downstreamConnections.labels(bindKey);
  }

  /** Records whether the last config load or reload succeeded. */
  public void configSynchronized(boolean ok) {
    configSynchronized.set(ok ? 1 : 0);
  }

  /** The current value of {@code agentgateway_config_synchronized}. */
  public boolean configSynchronized() {
    return configSynchronized.get() == 1;
  }

  /** Counts one finished request. */
  public void requestDone(String bindKey, RequestLog log) {
    String method = KNOWN_METHODS.contains(log.method()) ? log.method() : "OTHER";
    int status = log.status();
    boolean valid = status >= 100 && status < 600;
    requests
        .labels(
            bindKey,
            log.route(),
            log.backend(),
            method,
            valid ? STATUS_TEXT[status] : "other",
            log.backendProtocol(),
            log.responseReason().label())
        .increment();
    requestDuration
        .labels(
            bindKey, log.route(), log.backend(), valid ? STATUS_CLASS[status / 100 - 1] : "other")
        .observe(log.durationNanos() / 1e9);
    if (log.retries() > 0) {
      retries.labels(bindKey, log.route(), log.backend()).add(log.retries());
    }
    if ("mcp".equals(log.backendProtocol())) {
      mcpRequestDone(log.fields());
    }
  }

  /** Counts an MCP request from its access-log fields (the method, target, and what it named). */
  private void mcpRequestDone(List<RequestLog.Field> fields) {
    String method = null;
    String server = "";
    String type = "";
    String resource = "";
    for (RequestLog.Field f : fields) {
      String value = String.valueOf(f.value());
      switch (f.key()) {
        case "mcp.method.name" -> method = value;
        case "mcp.target" -> server = value;
        case "gen_ai.tool.name" -> {
          type = "tool";
          resource = value;
        }
        case "mcp.prompt.name" -> {
          type = "prompt";
          resource = value;
        }
        case "mcp.resource.name" -> {
          type = "resource";
          resource = value;
        }
        default -> {}
      }
    }
    if (method != null) {
      mcpRequests.labels(method, server, type, resource).increment();
    }
  }

  /** Records one new upstream connection. */
  public void upstreamConnected(String backend, Duration elapsed) {
    upstreamConnect.labels(backend).observe(elapsed.toNanos() / 1e9);
  }
}
