package dev.agentgateway.control.translate;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Kubernetes label selector matching. */
public final class Selectors {
  private Selectors() {}

  /**
   * True when {@code labels} satisfy {@code selector}: every matchLabels pair and every
   * matchExpressions requirement; a null selector matches nothing, an empty one everything.
   */
  public static boolean matches(LabelSelector selector, Map<String, String> labels) {
    if (selector == null) {
      return false;
    }
    if (selector.getMatchLabels() != null) {
      for (var e : selector.getMatchLabels().entrySet()) {
        if (!e.getValue().equals(labels.get(e.getKey()))) {
          return false;
        }
      }
    }
    for (LabelSelectorRequirement r :
        Objects.requireNonNullElse(
            selector.getMatchExpressions(), List.<LabelSelectorRequirement>of())) {
      String value = labels.get(r.getKey());
      List<String> values = Objects.requireNonNullElse(r.getValues(), List.of());
      boolean ok =
          switch (r.getOperator()) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> labels.containsKey(r.getKey());
            case "DoesNotExist" -> !labels.containsKey(r.getKey());
            default -> false;
          };
      if (!ok) {
        return false;
      }
    }
    return true;
  }
}
