package dev.agentgateway.model.ir;

import java.util.Objects;

/**
 * Which requests get an access log line and with what fields ({@code frontend.accessLog}).
 *
 * @param filter a CEL predicate over the request; a line is written only when it is true; null
 *     writes every line
 * @param fields fields added (CEL) or removed
 */
public record AccessLogPolicy(String filter, TelemetryFields fields) {
  public AccessLogPolicy {
    if (filter != null && filter.isBlank()) {
      throw new IllegalArgumentException("filter must not be blank");
    }
    fields = Objects.requireNonNullElse(fields, TelemetryFields.NONE);
  }
}
