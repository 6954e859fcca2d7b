package dev.agentgateway.proxy.llm.guard;

import java.util.List;
import java.util.Map;

/**
 * Upstream's {@code HeaderModifier} on a rejection response: {@code add}, {@code set}, {@code
 * remove}.
 */
public record HeaderEdits(Map<String, String> add, Map<String, String> set, List<String> remove) {
  /** No edits. */
  public static final HeaderEdits NONE = new HeaderEdits(Map.of(), Map.of(), List.of());

  /** Copies; nulls mean empty. */
  public HeaderEdits {
    add = add == null ? Map.of() : Map.copyOf(add);
    set = set == null ? Map.of() : Map.copyOf(set);
    remove = remove == null ? List.of() : List.copyOf(remove);
  }
}
