package dev.agentgateway.proxy.admin;

import dev.agentgateway.proxy.telemetry.MetricRegistry;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** The stats port (0.0.0.0:15020 by default): {@code /metrics} and {@code /stats/prometheus}. */
public final class StatsEndpoints implements HttpService {
  private final MetricRegistry registry;

  public StatsEndpoints(MetricRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get("/metrics", this::scrape).get("/stats/prometheus", this::scrape);
  }

  private void scrape(ServerRequest req, ServerResponse res) {
    res.header(HeaderNames.CONTENT_TYPE, MetricRegistry.CONTENT_TYPE);
    res.send(registry.scrape());
  }
}
