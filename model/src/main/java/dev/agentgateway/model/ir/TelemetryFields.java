package dev.agentgateway.model.ir;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Fields a telemetry record (an access log line, a span) gets or loses, as upstream's {@code
 * fields: {add, remove}}.
 *
 * @param add name to CEL expression, evaluated per request; kept in config order
 * @param remove names of fields to leave out
 */
public record TelemetryFields(Map<String, String> add, List<String> remove) {

  public static final TelemetryFields NONE = new TelemetryFields(Map.of(), List.of());

  public TelemetryFields {
    Map<String, String> copy = new LinkedHashMap<>();
    Objects.requireNonNullElse(add, Map.<String, String>of())
        .forEach(
            (name, expression) -> {
              if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("field name must not be empty");
              }
              copy.put(name, Objects.requireNonNull(expression, "expression of " + name));
            });
    add = Collections.unmodifiableMap(copy);
    remove = List.copyOf(Objects.requireNonNullElse(remove, List.of()));
  }

  /** Whether nothing is added or removed. */
  public boolean isEmpty() {
    return add.isEmpty() && remove.isEmpty();
  }
}
