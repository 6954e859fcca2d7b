package dev.agentgateway.proxy.admin;

import dev.agentgateway.model.ir.GatewayConfig;
import dev.agentgateway.proxy.telemetry.Logging;
import io.helidon.http.HeaderNames;
import io.helidon.http.HttpMediaTypes;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The admin port (localhost:15000 by default): {@code GET /config_dump} (the running config as
 * JSON), {@code POST /quitquitquit} (graceful shutdown), {@code GET|POST /logging} (read or change
 * the log filter) and a plain-text index on {@code /}.
 */
public final class AdminEndpoints implements HttpService {
  private static final String INDEX =
      """
      agentgateway admin

        GET  /config_dump           the running configuration as JSON
        POST /quitquitquit          graceful shutdown
        GET  /logging               the current log filter
        POST /logging?level=<spec>  change the log filter (RUST_LOG syntax, e.g. info,proxy=debug)

      metrics: /metrics on the stats port; readiness: /healthz/ready on the readiness port
      """;

  private final Supplier<GatewayConfig> config;
  private final Function<GatewayConfig, String> renderer;
  private final Runnable quit;
  private final Logging logging;

  /**
   * @param config the running configuration
   * @param renderer turns a configuration into JSON
   * @param quit starts the graceful shutdown; called after the response is sent
   * @param logging the process logging, or {@code null} when not installed (tests)
   */
  public AdminEndpoints(
      Supplier<GatewayConfig> config,
      Function<GatewayConfig, String> renderer,
      Runnable quit,
      Logging logging) {
    this.config = Objects.requireNonNull(config, "config");
    this.renderer = Objects.requireNonNull(renderer, "renderer");
    this.quit = Objects.requireNonNull(quit, "quit");
    this.logging = logging;
  }

  @Override
  public void routing(HttpRules rules) {
    rules
        .get("/", (req, res) -> text(res, Status.OK_200, INDEX))
        .get("/config_dump", this::configDump)
        .post("/quitquitquit", this::quit)
        .get("/logging", this::getLogging)
        .post("/logging", this::setLogging);
  }

  private void configDump(ServerRequest req, ServerResponse res) {
    res.header(HeaderNames.CONTENT_TYPE, "application/json");
    res.send(renderer.apply(config.get()));
  }

  private void quit(ServerRequest req, ServerResponse res) {
    text(res, Status.OK_200, "shutting down\n");
    quit.run();
  }

  private void getLogging(ServerRequest req, ServerResponse res) {
    if (logging == null) {
      text(res, Status.NOT_FOUND_404, "logging is not managed by this process\n");
      return;
    }
    text(res, Status.OK_200, "level: " + logging.levels() + "\n");
  }

  private void setLogging(ServerRequest req, ServerResponse res) {
    if (logging == null) {
      text(res, Status.NOT_FOUND_404, "logging is not managed by this process\n");
      return;
    }
    String level = req.query().first("level").orElse(null);
    if (level == null || level.isBlank()) {
      text(res, Status.BAD_REQUEST_400, "missing query parameter: level\n");
      return;
    }
    List<String> problems = logging.apply(level);
    StringBuilder body = new StringBuilder("level: ").append(logging.levels()).append('\n');
    problems.forEach(p -> body.append("ignored: ").append(p).append('\n'));
    text(res, Status.OK_200, body.toString());
  }

  static void text(ServerResponse res, Status status, String body) {
    res.status(status);
    res.headers().contentType(HttpMediaTypes.PLAINTEXT_UTF_8);
    res.send(body);
  }
}
