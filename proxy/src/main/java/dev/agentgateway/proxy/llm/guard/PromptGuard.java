package dev.agentgateway.proxy.llm.guard;

import java.util.List;

/**
 * Upstream's {@code promptGuard}: {@code request} and {@code response} guards, run in order, and
 * {@code streaming} ({@code Enabled}: response guards also apply to streamed responses).
 */
public record PromptGuard(
    boolean streaming, List<RequestGuard> request, List<ResponseGuard> response) {
  /** Copies; nulls mean none. */
  public PromptGuard {
    request = request == null ? List.of() : List.copyOf(request);
    response = response == null ? List.of() : List.copyOf(response);
  }
}
