package dev.agentgateway.proxy.llm.guard;

import java.util.List;

/** A webhook guard's answer: let it pass, replace the texts, or refuse with a status and body. */
public sealed interface WebhookVerdict {
  /** Unchanged; {@code reason} is the webhook's, or ours when failing open. */
  record Pass(String reason) implements WebhookVerdict {}

  /** The texts replaced, one for one and in the order they were sent. */
  record Mask(List<GuardMessage> messages, String reason) implements WebhookVerdict {
    /** Copies. */
    public Mask {
      messages = List.copyOf(messages);
    }
  }

  /** Refused: the client gets {@code statusCode} and {@code body}. */
  record Reject(int statusCode, String body, String reason) implements WebhookVerdict {}
}
