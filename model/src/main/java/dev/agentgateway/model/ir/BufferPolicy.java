package dev.agentgateway.model.ir;

/**
 * Upstream's {@code buffer}: read a whole body into memory before passing it on.
 *
 * @param request buffering of the request body, or {@code null}
 * @param response buffering of the response body, or {@code null}
 */
public record BufferPolicy(Limit request, Limit response) {

  /**
   * How much of one body may be held.
   *
   * @param maxBytes the most bytes held, or {@code null} for the listener's {@code maxBufferSize}
   * @param failOpen when the body is larger: pass it on streaming ({@code true}) or refuse it
   */
  public record Limit(Long maxBytes, boolean failOpen) {
    public Limit {
      if (maxBytes != null && maxBytes < 0) {
        throw new IllegalArgumentException("maxBytes must not be negative");
      }
    }
  }
}
