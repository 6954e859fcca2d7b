package dev.agentgateway.proxy.llm.format;

import dev.agentgateway.proxy.llm.TokenUsage;

/** Told about a stream's progress as it happens: for time-to-first-token and usage accounting. */
public interface StreamListener {
  /** Listens to nothing. */
  StreamListener NONE = new StreamListener() {};

  /** The first output (text, reasoning or a tool call) arrived from the provider; called once. */
  default void firstOutput() {}

  /** The usage counts changed; {@code usage} is the merged total so far. */
  default void usage(TokenUsage usage) {}
}
