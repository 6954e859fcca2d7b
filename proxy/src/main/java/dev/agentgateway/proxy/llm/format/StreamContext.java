package dev.agentgateway.proxy.llm.format;

import java.util.Objects;

/**
 * What the answer's translation needs to know about the request, captured when the request was
 * translated.
 *
 * @param model the model the client asked for (after aliasing), used where the provider's answer
 *     names none (Bedrock)
 * @param stream the client asked for a streamed answer
 * @param clientWantsUsage the client itself asked for OpenAI's final usage chunk ({@code
 *     stream_options.include_usage}); when the gateway injected it, the chunk is dropped
 * @param toolNames Bedrock tool names as sent, to map back to the client's ({@link
 *     BedrockToolNames#NONE} otherwise)
 */
public record StreamContext(
    String model, boolean stream, boolean clientWantsUsage, BedrockToolNames toolNames) {
  public StreamContext {
    model = model == null ? "" : model;
    Objects.requireNonNull(toolNames, "toolNames");
  }

  /** A context with no tool-name mapping. */
  public static StreamContext of(String model, boolean stream, boolean clientWantsUsage) {
    return new StreamContext(model, stream, clientWantsUsage, BedrockToolNames.NONE);
  }
}
