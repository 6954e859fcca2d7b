package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import java.util.Set;

/**
 * Reads provider error bodies (OpenAI, Anthropic, Google, Bedrock shapes) and writes them in the
 * client's shape. The HTTP status passes through; a non-error status with an error body becomes
 * 502.
 */
public final class ProviderErrors {
  private static final Set<String> OPENAI_TYPES =
      Set.of(
          "invalid_request_error",
          "authentication_error",
          "permission_error",
          "not_found_error",
          "rate_limit_error",
          "server_error",
          "insufficient_quota");
  private static final Set<String> ANTHROPIC_TYPES =
      Set.of(
          "invalid_request_error",
          "authentication_error",
          "permission_error",
          "not_found_error",
          "request_too_large",
          "rate_limit_error",
          "api_error",
          "overloaded_error");

  private ProviderErrors() {}

  /**
   * Reads an error body in any known shape; a body that is not JSON keeps only the status.
   *
   * @param bedrockErrorType Bedrock's {@code x-amzn-ErrorType} header, or null
   */
  public static ProviderError parse(int status, byte[] body, String bedrockErrorType) {
    JsonNode node;
    try {
      node = Json.parse(body, "error body");
    } catch (FormatException e) {
      return new ProviderError(status, null, null, null);
    }
    if (node.isArray() && !node.isEmpty()) {
      node = node.get(0); // Google sometimes wraps the error in an array
    }
    JsonNode error = node.get("error");
    if (error != null && error.isObject()) {
      String type = Json.text(error, "type"); // OpenAI and Anthropic
      if (type == null) {
        type = Json.text(error, "status"); // Google: RESOURCE_EXHAUSTED, INVALID_ARGUMENT...
      }
      JsonNode code = error.get("code");
      return new ProviderError(
          status,
          type,
          Json.text(error, "message"),
          code != null && code.isTextual() ? code.asText() : null);
    }
    String message = Json.text(node, "message");
    if (message == null) {
      message = Json.text(node, "Message");
    }
    String type = bedrockErrorType == null ? null : bedrockErrorType.split(":", 2)[0];
    return new ProviderError(status, type, message, type);
  }

  /** The status the client gets: the provider's error status, or 502 when it was not an error. */
  public static int clientStatus(int status) {
    return status >= 400 && status <= 599 ? status : 502;
  }

  /** The error body in the client's shape. */
  public static ObjectNode toClient(ClientFormat client, ProviderError error) {
    int status = clientStatus(error.status());
    if (client == ClientFormat.ANTHROPIC_MESSAGES) {
      String type =
          error.type() != null && ANTHROPIC_TYPES.contains(error.type())
              ? error.type()
              : anthropicTypeForStatus(status);
      return ErrorBodies.anthropic(type, error.message());
    }
    String type =
        error.type() != null && OPENAI_TYPES.contains(error.type())
            ? error.type()
            : openAiTypeForStatus(status);
    String code = error.code();
    if (code == null && error.type() != null && !OPENAI_TYPES.contains(error.type())) {
      code = error.type(); // keep the provider's own name (e.g. RESOURCE_EXHAUSTED) for debugging
    }
    return ErrorBodies.openAi(type, error.message(), code);
  }

  /** The body for a request the gateway could not translate (a 400). */
  public static ObjectNode invalidRequest(ClientFormat client, String message) {
    return client == ClientFormat.ANTHROPIC_MESSAGES
        ? ErrorBodies.anthropic("invalid_request_error", message)
        : ErrorBodies.openAi("invalid_request_error", message, null);
  }

  static String openAiTypeForStatus(int status) {
    return switch (status) {
      case 400, 413, 422 -> "invalid_request_error";
      case 401 -> "authentication_error";
      case 403 -> "permission_error";
      case 404 -> "not_found_error";
      case 429 -> "rate_limit_error";
      default -> "server_error";
    };
  }

  static String anthropicTypeForStatus(int status) {
    return switch (status) {
      case 400, 422 -> "invalid_request_error";
      case 401 -> "authentication_error";
      case 403 -> "permission_error";
      case 404 -> "not_found_error";
      case 413 -> "request_too_large";
      case 429 -> "rate_limit_error";
      case 503, 529 -> "overloaded_error";
      default -> "api_error";
    };
  }

  /** OpenAI's error type for a Bedrock exception name ({@code throttlingException}...). */
  static String openAiTypeForBedrock(String exception) {
    String e = exception.toLowerCase(Locale.ROOT);
    if (e.startsWith("throttling") || e.startsWith("servicequotaexceeded")) {
      return "rate_limit_error";
    }
    if (e.startsWith("validation")) {
      return "invalid_request_error";
    }
    if (e.startsWith("accessdenied")) {
      return "permission_error";
    }
    if (e.startsWith("resourcenotfound")) {
      return "not_found_error";
    }
    return "server_error";
  }
}
