package dev.agentgateway.proxy.llm.format;

/**
 * A provider's error, read from whichever format it came in.
 *
 * @param status the HTTP status the provider answered with
 * @param type the provider's error type or status name, null when it gave none
 * @param message the provider's message (never prompt content we added)
 * @param code the provider's machine code, null when it gave none
 */
public record ProviderError(int status, String type, String message, String code) {
  public ProviderError {
    message =
        message == null || message.isBlank()
            ? "the provider answered with status " + status
            : message;
  }
}
