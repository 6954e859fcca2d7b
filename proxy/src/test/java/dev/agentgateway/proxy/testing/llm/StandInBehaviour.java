package dev.agentgateway.proxy.testing.llm;

import java.time.Duration;
import java.util.Objects;

/** How a stand-in answers, for failover and bad-input tests; {@link #normal()} is the default. */
public sealed interface StandInBehaviour {

  /** Recorded, realistic answers for each endpoint. */
  static StandInBehaviour normal() {
    return new Normal(Duration.ZERO, Integer.MAX_VALUE);
  }

  /** Normal answers whose stream chunks are each sent {@code delay} after the previous one. */
  static StandInBehaviour chunkDelay(Duration delay) {
    return new Normal(delay, Integer.MAX_VALUE);
  }

  /** A stream that stops after {@code chunks} chunks: the connection closes mid-body. */
  static StandInBehaviour cutAfter(int chunks) {
    return new Normal(Duration.ZERO, chunks);
  }

  /** The provider's own error envelope with this status (503, 500, 400, ...). */
  static StandInBehaviour status(int status) {
    return new Error(status);
  }

  /** 429 in the provider's envelope, without Retry-After or rate-limit headers. */
  static StandInBehaviour tooManyRequests() {
    return new Error(429);
  }

  /** Reads the request, then answers nothing for {@code duration} (then closes). */
  static StandInBehaviour hang(Duration duration) {
    return new Hang(duration);
  }

  /** 200 with a JSON content type and a body that is not JSON. */
  static StandInBehaviour garbage() {
    return new Garbage();
  }

  /**
   * Normal answers.
   *
   * @param chunkDelay the pause before each stream chunk after the first
   * @param cutAfter how many stream chunks to send before closing the connection
   */
  record Normal(Duration chunkDelay, int cutAfter) implements StandInBehaviour {
    public Normal {
      Objects.requireNonNull(chunkDelay, "chunkDelay");
    }
  }

  /** An error answer in the provider's envelope. */
  record Error(int status) implements StandInBehaviour {}

  /** No answer for a while. */
  record Hang(Duration duration) implements StandInBehaviour {}

  /** A broken body. */
  record Garbage() implements StandInBehaviour {}
}
