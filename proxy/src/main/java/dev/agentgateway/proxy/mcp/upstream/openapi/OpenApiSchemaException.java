package dev.agentgateway.proxy.mcp.upstream.openapi;

/** An OpenAPI document that cannot be served: not parseable, or broken where it matters. */
final class OpenApiSchemaException extends Exception {
  OpenApiSchemaException(String message) {
    super(message);
  }
}
