package dev.agentgateway.proxy.mcp.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What the HTTP layer must answer instead of serving MCP.
 *
 * @param status the HTTP status
 * @param headers response headers, in order
 * @param body the body text (UTF-8; JSON when {@code Content-Type} says so); empty for none
 */
public record AuthResponse(int status, Map<String, String> headers, String body) {
  public AuthResponse {
    headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    Objects.requireNonNull(body, "body");
  }
}
