package dev.agentgateway.model.ir;

import java.util.Objects;

/**
 * Answer directly without contacting a backend.
 *
 * @param status HTTP status
 * @param body response body (UTF-8), possibly empty
 */
public record DirectResponse(int status, String body) {
  public DirectResponse {
    body = Objects.requireNonNullElse(body, "");
  }
}
