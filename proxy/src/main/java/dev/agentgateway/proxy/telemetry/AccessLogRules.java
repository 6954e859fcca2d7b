package dev.agentgateway.proxy.telemetry;

import dev.agentgateway.model.ir.LoggingConfig;
import dev.agentgateway.model.ir.TelemetryFields;
import dev.agentgateway.proxy.policy.cel.CelActivation;
import dev.agentgateway.proxy.policy.cel.CelEngine;
import dev.agentgateway.proxy.policy.cel.CelEvaluationError;
import dev.agentgateway.proxy.policy.cel.CelExpression;
import dev.agentgateway.proxy.policy.cel.RequestAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The access log's {@code filter}, {@code fields.add} and {@code fields.remove}, compiled once; the
 * expressions read {@code request} and {@code response.code}.
 */
public final class AccessLogRules {
  /** Every line, with its standard fields. */
  public static final AccessLogRules NONE = new AccessLogRules(null, List.of(), Set.of());

  private final CelExpression filter;
  private final List<Added> add;
  private final Set<String> remove;

  private AccessLogRules(CelExpression filter, List<Added> add, Set<String> remove) {
    this.filter = filter;
    this.add = add;
    this.remove = remove;
  }

  /**
   * The rules of {@code logging}, compiled with {@code engine}.
   *
   * @throws IllegalArgumentException if an expression does not compile (checked at load first)
   */
  public static AccessLogRules compile(LoggingConfig logging, Supplier<CelEngine> engine) {
    return compile(logging.filter(), logging.fields(), engine);
  }

  /**
   * The rules of a {@code filter} (null for every line) and {@code fields}, compiled with {@code
   * engine}.
   *
   * @throws IllegalArgumentException if an expression does not compile (checked at load first)
   */
  public static AccessLogRules compile(
      String filterText, TelemetryFields fields, Supplier<CelEngine> engine) {
    if (filterText == null && fields.isEmpty()) {
      return NONE;
    }
    CelExpression filter = filterText == null ? null : engine.get().compilePredicate(filterText);
    List<Added> add = new ArrayList<>();
    fields.add().forEach((name, cel) -> add.add(new Added(name, engine.get().compile(cel))));
    return new AccessLogRules(filter, List.copyOf(add), Set.copyOf(fields.remove()));
  }

  /** Whether an expression needs the request's headers and attributes. */
  boolean needsRequest() {
    return filter != null || !add.isEmpty();
  }

  /** The fields to write for {@code log}, or null when the filter drops the line. */
  LogFields apply(LogFields fields, RequestLog log, RequestScope scope) {
    if (this == NONE) {
      return fields;
    }
    CelActivation activation = needsRequest() ? activation(log, scope) : null;
    if (filter != null && !filter.matches(activation)) {
      return null;
    }
    LogFields out = remove.isEmpty() ? fields : fields.without(remove);
    for (Added a : add) {
      try {
        Object value = a.expression().evaluate(activation);
        out.add(
            a.name(),
            value instanceof Number || value instanceof Boolean ? value : String.valueOf(value));
      } catch (CelEvaluationError e) {
        // Upstream leaves a field out when its expression does not evaluate (e.g. a missing
        // header).
      }
    }
    return out;
  }

  /** {@code request} (from the scope, or what the log knows) and {@code response.code}. */
  static CelActivation activation(RequestLog log, RequestScope scope) {
    Supplier<RequestAttributes> request =
        scope.request() != null
            ? scope.request()
            : () -> RequestAttributes.of(log.method(), null, log.host(), log.path(), Map.of());
    return CelActivation.builder()
        .request(request)
        .set("response", Map.of("code", (long) log.status()))
        .build();
  }

  private record Added(String name, CelExpression expression) {}
}
