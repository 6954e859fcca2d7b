package dev.agentgateway.model.ir;

import java.util.Objects;

/**
 * Send a copy of matching requests to another backend; its response is discarded.
 *
 * @param backend the mirror target
 * @param percentage fraction of requests mirrored, 0.0 to 1.0
 */
public record RequestMirror(Backend backend, double percentage) {
  public RequestMirror {
    Objects.requireNonNull(backend, "backend");
  }
}
