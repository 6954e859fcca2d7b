package dev.agentgateway.model.ir;

import java.util.Objects;

/**
 * A backend a route may forward to, with its relative weight.
 *
 * @param backend where traffic goes
 * @param weight relative weight; 0 means never chosen
 */
public record RouteBackend(Backend backend, int weight) {
  public RouteBackend {
    Objects.requireNonNull(backend, "backend");
    if (weight < 0) {
      throw new IllegalArgumentException("weight must be >= 0");
    }
  }
}
