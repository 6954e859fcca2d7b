package dev.agentgateway.proxy.llm.format;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * A request in the provider's format, with what its answer's translation needs.
 *
 * @param body the provider request body (for Gemini and Bedrock the model goes in the path: {@code
 *     context().model()})
 * @param context passed back to {@link Conversion#response} and {@link Conversion#stream}
 */
public record TranslatedRequest(ObjectNode body, StreamContext context) {
  public TranslatedRequest {
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(context, "context");
  }
}
