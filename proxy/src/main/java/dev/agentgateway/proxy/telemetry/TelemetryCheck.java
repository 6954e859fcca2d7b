package dev.agentgateway.proxy.telemetry;

import dev.agentgateway.model.config.ConfigError;
import dev.agentgateway.model.ir.LoggingConfig;
import dev.agentgateway.model.ir.StaticConfig;
import dev.agentgateway.proxy.policy.cel.LazyCelEngine;
import dev.agentgateway.proxy.telemetry.trace.Tracing;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles the access log and tracing expressions of {@code config:} at start, so a bad one is a
 * config error naming its field rather than a failure per request.
 */
public final class TelemetryCheck {
  private TelemetryCheck() {}

  /** Every expression of {@code config} that does not compile. */
  public static List<ConfigError> check(StaticConfig config, LazyCelEngine engine) {
    List<ConfigError> errors = new ArrayList<>();
    LoggingConfig logging = config.logging();
    if (logging.filter() != null) {
      try {
        engine.get().compilePredicate(logging.filter());
      } catch (IllegalArgumentException e) {
        errors.add(new ConfigError("config.logging.filter", e.getMessage()));
      }
    }
    logging
        .fields()
        .add()
        .forEach(
            (name, cel) -> {
              try {
                engine.get().compile(cel);
              } catch (IllegalArgumentException e) {
                errors.add(new ConfigError("config.logging.fields.add." + name, e.getMessage()));
              }
            });
    if (config.tracing() != null) {
      Tracing.problems(config.tracing(), engine::get)
          .forEach(
              (field, problem) -> errors.add(new ConfigError("config.tracing." + field, problem)));
    }
    return errors;
  }
}
