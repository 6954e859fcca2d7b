package dev.agentgateway.proxy.frontend;

import dev.agentgateway.model.config.ConfigError;
import dev.agentgateway.model.ir.FrontendPolicies;
import dev.agentgateway.proxy.policy.cel.CelEngine;
import dev.agentgateway.proxy.telemetry.trace.Tracing;
import java.util.List;
import java.util.function.Supplier;

/**
 * Compiles the CEL expressions of frontend policies at load, so a bad one refuses the config (or
 * NACKs the xDS resource) naming its field, rather than failing per request.
 */
public final class FrontendCheck {
  private FrontendCheck() {}

  /** Adds to {@code errors} every expression of {@code frontend} that does not compile. */
  public static void check(
      Supplier<CelEngine> engine, String at, FrontendPolicies frontend, List<ConfigError> errors) {
    if (frontend == null) {
      return;
    }
    if (frontend.accessLog() != null) {
      if (frontend.accessLog().filter() != null) {
        try {
          engine.get().compilePredicate(frontend.accessLog().filter());
        } catch (IllegalArgumentException e) {
          errors.add(new ConfigError(at + ".accessLog.filter", e.getMessage()));
        }
      }
      frontend
          .accessLog()
          .fields()
          .add()
          .forEach(
              (name, cel) -> {
                try {
                  engine.get().compile(cel);
                } catch (IllegalArgumentException e) {
                  errors.add(new ConfigError(at + ".accessLog.fields.add." + name, e.getMessage()));
                }
              });
    }
    if (frontend.tracing() != null) {
      Tracing.problems(frontend.tracing(), engine)
          .forEach(
              (field, problem) -> errors.add(new ConfigError(at + ".tracing." + field, problem)));
    }
  }
}
