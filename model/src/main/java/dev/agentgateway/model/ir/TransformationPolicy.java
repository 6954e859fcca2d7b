package dev.agentgateway.model.ir;

import java.util.List;

/**
 * Upstream's {@code transformations}: header and body changes whose values are CEL expressions,
 * evaluated per request.
 *
 * @param request changes to the request before it is forwarded, or {@code null}
 * @param response changes to the response before it is returned, or {@code null}
 */
public record TransformationPolicy(Transform request, Transform response) {

  /**
   * One direction's changes, applied in the order add, set, remove, then body.
   *
   * @param add headers appended; each value is a CEL expression
   * @param set headers replaced; each value is a CEL expression
   * @param remove header names removed
   * @param body CEL expression computing the new body, or {@code null} to keep it
   */
  public record Transform(
      List<HeaderValue> add, List<HeaderValue> set, List<String> remove, String body) {
    public Transform {
      add = List.copyOf(add);
      set = List.copyOf(set);
      remove = List.copyOf(remove);
      if (body != null && body.isBlank()) {
        throw new IllegalArgumentException("body expression must not be blank");
      }
    }

    /** True when it changes nothing. */
    public boolean isEmpty() {
      return add.isEmpty() && set.isEmpty() && remove.isEmpty() && body == null;
    }
  }
}
