package dev.agentgateway.proxy.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class PrometheusRegistryTest {

  @Test
  void writesCountersGaugesAndCumulativeHistogramsInTextFormat() {
    MetricRegistry registry = new MetricRegistry();
    CounterFamily requests = registry.counter("demo_requests_total", "Requests.", "route", "code");
    GaugeFamily up = registry.gauge("demo_up", "Whether it is up.");
    HistogramFamily latency =
        registry.histogram("demo_latency_seconds", "Latency.", new double[] {0.1, 1, 2.5}, "route");

    requests.labels("b", "200").add(2);
    requests.labels("a", "500").increment();
    requests.labels("b", "200").increment();
    up.labels().set(1);
    latency.labels("a").observe(0.05);
    latency.labels("a").observe(0.5);
    latency.labels("a").observe(0.5);
    latency.labels("a").observe(7);

    assertEquals(
        """
        # HELP demo_requests_total Requests.
        # TYPE demo_requests_total counter
        demo_requests_total{route="a",code="500"} 1
        demo_requests_total{route="b",code="200"} 3
        # HELP demo_up Whether it is up.
        # TYPE demo_up gauge
        demo_up 1
        # HELP demo_latency_seconds Latency.
        # TYPE demo_latency_seconds histogram
        demo_latency_seconds_bucket{route="a",le="0.1"} 1
        demo_latency_seconds_bucket{route="a",le="1"} 3
        demo_latency_seconds_bucket{route="a",le="2.5"} 3
        demo_latency_seconds_bucket{route="a",le="+Inf"} 4
        demo_latency_seconds_sum{route="a"} 8.05
        demo_latency_seconds_count{route="a"} 4
        """,
        registry.scrape());
  }

  @Test
  void escapesLabelValuesAndHelp() {
    MetricRegistry registry = new MetricRegistry();
    registry.counter("x_total", "a \\ b\nc", "v").labels("q\"u\\o\nte").increment();

    assertEquals(
        """
        # HELP x_total a \\\\ b\\nc
        # TYPE x_total counter
        x_total{v="q\\"u\\\\o\\nte"} 1
        """,
        registry.scrape());
  }

  @Test
  void rejectsWrongLabelCountsAndDuplicateNames() {
    MetricRegistry registry = new MetricRegistry();
    CounterFamily c = registry.counter("y_total", "Y.", "a", "b");
    assertThrows(IllegalArgumentException.class, () -> c.labels("only-one"));
    assertThrows(IllegalArgumentException.class, () -> registry.gauge("y_total", "again"));
    assertThrows(IllegalArgumentException.class, () -> registry.gauge("bad-name", "dash"));
  }

  @Test
  void capsSeriesPerFamilyIntoOneOverflowSeries() {
    MetricRegistry registry = new MetricRegistry();
    CounterFamily c = registry.counter("z_total", "Z.", "id");
    for (int i = 0; i < MetricFamily.MAX_SERIES + 5; i++) {
      c.labels("id-" + i).increment();
    }
    assertTrue(registry.scrape().contains("z_total{id=\"__overflow__\"} 5\n"));
  }

  @Test
  void proxyMetricsUseUpstreamNamesAndBoundedLabels() {
    ProxyMetrics metrics = new ProxyMetrics("1.2.3");
    metrics.requestDone(
        "bind/3000",
        new RequestLog(
            "GET", "example.com", "/a", "HTTP/1.1", 200, "r1", "h:80", 2_000_000, 0, 5, "", 0));
    metrics.requestDone(
        "bind/3000",
        new RequestLog(
            "BREW", "example.com", "/b", "HTTP/1.1", 418, "r1", "h:80", 1_000_000, 0, 5, "", 0));
    metrics.upstreamConnected("h:80", Duration.ofMillis(3));
    metrics.downstreamConnections("bind/3000").increment();
    metrics.configSynchronized(false);

    String text = metrics.registry().scrape();
    assertTrue(text.contains("agentgateway_build_info{tag=\"1.2.3\"} 1\n"), text);
    assertTrue(
        text.contains(
            "agentgateway_requests_total{bind=\"bind/3000\",route=\"r1\",backend=\"h:80\","
                + "method=\"GET\",status=\"200\",protocol=\"http\",reason=\"Upstream\"} 1\n"),
        text);
    assertTrue(text.contains("method=\"OTHER\",status=\"418\""), text);
    assertTrue(
        text.contains(
            "agentgateway_request_duration_seconds_bucket{bind=\"bind/3000\",route=\"r1\","
                + "backend=\"h:80\",status_class=\"2xx\",le=\"0.005\"} 1\n"),
        text);
    assertTrue(
        text.contains(
            "agentgateway_upstream_connect_duration_seconds_bucket{backend=\"h:80\",le=\"0.005\"}"
                + " 1\n"),
        text);
    assertTrue(
        text.contains("agentgateway_downstream_connections_total{bind=\"bind/3000\"} 1\n"), text);
    assertTrue(text.contains("agentgateway_config_synchronized 0\n"), text);
  }

  @Test
  void requestsToAnA2aBackendCountUnderItsProtocol() {
    ProxyMetrics metrics = new ProxyMetrics("1.2.3");
    metrics.requestDone(
        "bind/3000",
        new RequestLog(
            "POST",
            "example.com",
            "/agent",
            "HTTP/1.1",
            200,
            "r1",
            "h:80",
            1_000_000,
            10,
            5,
            "",
            0,
            "a2a",
            List.of(new RequestLog.Field("a2a.method", "message/send"))));
    assertTrue(
        metrics
            .registry()
            .scrape()
            .contains("method=\"POST\",status=\"200\",protocol=\"a2a\",reason=\"Upstream\"} 1\n"));
  }

  @Test
  void mcpRequestsCountByMethodTargetAndToolFromTheirLogFields() {
    ProxyMetrics metrics = new ProxyMetrics("1.2.3");
    List<RequestLog.Field> call =
        List.of(
            new RequestLog.Field("mcp.method.name", "tools/call"),
            new RequestLog.Field("mcp.target", "remote"),
            new RequestLog.Field("gen_ai.tool.name", "echo"));
    List<RequestLog.Field> list = List.of(new RequestLog.Field("mcp.method.name", "tools/list"));
    for (List<RequestLog.Field> fields : List.of(call, call, list)) {
      metrics.requestDone(
          "bind/3000",
          new RequestLog(
              "POST", "h", "/mcp", "HTTP/1.1", 200, "r1", "tools", 1, 1, 1, "", 0, "mcp", fields));
    }
    String text = metrics.registry().scrape();
    assertTrue(
        text.contains(
            "agentgateway_mcp_requests_total{method=\"tools/call\",server=\"remote\","
                + "resource_type=\"tool\",resource=\"echo\"} 2\n"),
        text);
    assertTrue(
        text.contains(
            "agentgateway_mcp_requests_total{method=\"tools/list\",server=\"\","
                + "resource_type=\"\",resource=\"\"} 1\n"),
        text);
  }
}
