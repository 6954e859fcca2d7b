package dev.agentgateway.proxy.llm.guard;

import java.util.List;

/**
 * The response guards of one streamed response: each text delta goes through every regex guard's
 * {@link StreamingMasker} in turn, so a match split across SSE events is still masked or refused.
 * Not thread-safe: one per stream.
 */
public final class StreamingResponseGuard {
  private final List<StreamingMasker> maskers;
  private final List<Rejection> rejections;
  private Rejection rejection;

  StreamingResponseGuard(List<StreamingMasker> maskers, List<Rejection> rejections) {
    this.maskers = List.copyOf(maskers);
    this.rejections = List.copyOf(rejections);
  }

  /** Feeds the next delta; returns the text to send now (possibly empty). */
  public StreamingMasker.Emit push(String delta) {
    return run(delta, false);
  }

  /** Ends the stream; returns the held text to send. */
  public StreamingMasker.Emit finish() {
    return run("", true);
  }

  /** The rejection once a reject guard has matched, else {@code null}. */
  public Rejection rejection() {
    return rejection;
  }

  private StreamingMasker.Emit run(String delta, boolean finishing) {
    if (rejection != null) {
      return StreamingMasker.Emit.REJECTED;
    }
    String text = delta;
    for (int i = 0; i < maskers.size(); i++) {
      StreamingMasker masker = maskers.get(i);
      StreamingMasker.Emit e;
      if (finishing) {
        // Flush this stage with what the earlier stages just released, then close it.
        StreamingMasker.Emit pushed = masker.push(text);
        if (pushed.rejected()) {
          e = pushed;
        } else {
          StreamingMasker.Emit rest = masker.finish();
          e = rest.rejected() ? rest : new StreamingMasker.Emit(pushed.text() + rest.text(), false);
        }
      } else {
        e = masker.push(text);
      }
      if (e.rejected()) {
        rejection = rejections.get(i);
        return StreamingMasker.Emit.REJECTED;
      }
      text = e.text();
    }
    return new StreamingMasker.Emit(text, false);
  }
}
