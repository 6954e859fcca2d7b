package dev.agentgateway.model.ir;

import java.util.List;

/**
 * {@code csrf}: a state-changing request (not GET, HEAD or OPTIONS) from a browser must come from
 * the request's own origin or one of {@code additionalOrigins}.
 *
 * @param additionalOrigins further trusted origins ({@code scheme://host[:port]}), unique
 */
public record CsrfPolicy(List<String> additionalOrigins) {
  public CsrfPolicy {
    additionalOrigins = List.copyOf(additionalOrigins);
    if (additionalOrigins.stream().distinct().count() != additionalOrigins.size()) {
      throw new IllegalArgumentException("csrf additionalOrigins must be unique");
    }
  }
}
