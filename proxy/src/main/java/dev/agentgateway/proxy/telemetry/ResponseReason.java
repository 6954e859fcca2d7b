package dev.agentgateway.proxy.telemetry;

/**
 * Who produced a response, as upstream names it in the {@code reason} label of {@code
 * agentgateway_requests_total} and the access log's {@code reason} field: the upstream, or the
 * gateway itself and why (the policy that refused, a missing route, a failed upstream call).
 */
public enum ResponseReason {
  UPSTREAM("Upstream"),
  DIRECT_RESPONSE("DirectResponse"),
  NOT_FOUND("NotFound"),
  NO_HEALTHY_BACKEND("NoHealthyBackend"),
  INTERNAL("Internal"),
  INVALID_REQUEST("InvalidRequest"),
  JWT_AUTH("JwtAuth"),
  BASIC_AUTH("BasicAuth"),
  API_KEY_AUTH("APIKeyAuth"),
  EXT_AUTH("ExtAuth"),
  AUTHORIZATION("Authorization"),
  TIMEOUT("Timeout"),
  RATE_LIMIT("RateLimit"),
  GUARDRAIL("Guardrail"),
  MCP("MCP"),
  UPSTREAM_FAILURE("UpstreamFailure");

  private final String label;

  ResponseReason(String label) {
    this.label = label;
  }

  /** Upstream's name, e.g. {@code JwtAuth}. */
  public String label() {
    return label;
  }

  /**
   * The reason of an answer the gateway gave itself with {@code status}, when no policy named one
   * (upstream classifies such answers by status the same way).
   */
  public static ResponseReason forStatus(int status) {
    return switch (status) {
      case 400, 413, 431 -> INVALID_REQUEST;
      case 401, 403 -> AUTHORIZATION;
      case 404 -> NOT_FOUND;
      case 408, 504 -> TIMEOUT;
      case 429 -> RATE_LIMIT;
      case 502 -> UPSTREAM_FAILURE;
      case 503 -> NO_HEALTHY_BACKEND;
      default -> INTERNAL;
    };
  }
}
