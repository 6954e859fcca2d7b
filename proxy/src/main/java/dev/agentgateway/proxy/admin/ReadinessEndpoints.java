package dev.agentgateway.proxy.admin;

import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.function.BooleanSupplier;

/**
 * The readiness port (0.0.0.0:15021 by default): {@code GET /healthz/ready} is 200 once the config
 * is loaded and every bind is listening, and 503 before that and during shutdown.
 */
public final class ReadinessEndpoints implements HttpService {
  private final BooleanSupplier ready;

  public ReadinessEndpoints(BooleanSupplier ready) {
    this.ready = ready;
  }

  @Override
  public void routing(HttpRules rules) {
    rules.get(
        "/healthz/ready",
        (req, res) -> {
          if (ready.getAsBoolean()) {
            AdminEndpoints.text(res, Status.OK_200, "ready\n");
          } else {
            AdminEndpoints.text(res, Status.SERVICE_UNAVAILABLE_503, "not ready\n");
          }
        });
  }
}
