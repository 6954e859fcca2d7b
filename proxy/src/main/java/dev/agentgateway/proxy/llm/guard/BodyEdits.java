package dev.agentgateway.proxy.llm.guard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Upstream's request-body edits: {@code modelAliases} (requested model to model), then {@code
 * defaults} (top-level fields set only when the client sent none) and {@code overrides} (always
 * set). Aliases apply first, so a default or override naming {@code model} has the last word. An
 * alias key may hold {@code *} wildcards (our extension); exact keys win over wildcard keys, and
 * wildcard keys are tried in config order.
 */
public record BodyEdits(
    Map<String, JsonNode> defaults,
    Map<String, JsonNode> overrides,
    Map<String, String> modelAliases) {
  /** Copies, keeping config order; nulls mean none. */
  public BodyEdits {
    defaults = defaults == null ? Map.of() : copy(defaults);
    overrides = overrides == null ? Map.of() : copy(overrides);
    modelAliases = modelAliases == null ? Map.of() : copy(modelAliases);
  }

  private static <V> Map<String, V> copy(Map<String, V> map) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** Edits {@code body} in place; returns whether it changed. */
  public boolean apply(ObjectNode body) {
    boolean changed = false;
    JsonNode model = body.get("model");
    if (model != null && model.isTextual()) {
      String target = resolveAlias(model.asText());
      if (target != null && !target.equals(model.asText())) {
        body.put("model", target);
        changed = true;
      }
    }
    for (Map.Entry<String, JsonNode> e : defaults.entrySet()) {
      JsonNode present = body.get(e.getKey());
      if (present == null || present.isNull()) {
        body.set(e.getKey(), e.getValue().deepCopy());
        changed = true;
      }
    }
    for (Map.Entry<String, JsonNode> e : overrides.entrySet()) {
      if (!e.getValue().equals(body.get(e.getKey()))) {
        body.set(e.getKey(), e.getValue().deepCopy());
        changed = true;
      }
    }
    return changed;
  }

  /** The model {@code requested} is an alias of, or {@code null} when no alias matches. */
  public String resolveAlias(String requested) {
    String exact = modelAliases.get(requested);
    if (exact != null) {
      return exact;
    }
    for (Map.Entry<String, String> e : modelAliases.entrySet()) {
      if (e.getKey().indexOf('*') >= 0 && Glob.matches(e.getKey(), requested)) {
        return e.getValue();
      }
    }
    return null;
  }
}
