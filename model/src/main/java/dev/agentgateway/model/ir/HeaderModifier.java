package dev.agentgateway.model.ir;

import java.util.List;

/**
 * Header changes: {@code add} appends, {@code set} replaces, {@code remove} deletes by name.
 *
 * @param add headers appended (order kept)
 * @param set headers replaced (order kept)
 * @param remove header names removed
 */
public record HeaderModifier(List<HeaderValue> add, List<HeaderValue> set, List<String> remove) {
  public HeaderModifier {
    add = List.copyOf(add);
    set = List.copyOf(set);
    remove = List.copyOf(remove);
  }
}
