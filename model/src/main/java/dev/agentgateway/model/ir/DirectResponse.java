package dev.agentgateway.model.ir;

import java.util.Objects;

/**
 * Answer directly without contacting a backend.
 *
 * @param status HTTP status
 * @param body response body (UTF-8), possibly empty
 * @param bodyExpression CEL computing the body per request, used instead of {@code body}; or {@code
 *     null}
 */
public record DirectResponse(int status, String body, String bodyExpression) {
  public DirectResponse {
    body = Objects.requireNonNullElse(body, "");
    if (bodyExpression != null && bodyExpression.isBlank()) {
      throw new IllegalArgumentException("bodyExpression must not be blank");
    }
  }

  /** A fixed body. */
  public DirectResponse(int status, String body) {
    this(status, body, null);
  }
}
