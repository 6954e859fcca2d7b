package dev.agentgateway.control.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentgateway.crds.parameters.KubernetesResourceOverlay;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Applies a {@link KubernetesResourceOverlay} to a generated object: metadata labels and
 * annotations are added (an overlay value wins), and {@code spec} is patched with the strategic
 * merge subset {@link JsonMerge#strategicMerge} supports.
 */
final class Overlays {
  private Overlays() {}

  static <T extends HasMetadata> T apply(
      T object, KubernetesResourceOverlay overlay, Class<T> type) {
    if (overlay == null) {
      return object;
    }
    T result = object;
    if (overlay.spec() != null && !overlay.spec().isNull()) {
      ObjectNode tree = ProxyResources.JSON.valueToTree(object);
      JsonNode spec = JsonMerge.strategicMerge(tree.get("spec"), overlay.spec());
      tree.set("spec", spec);
      result = ProxyResources.convert(tree, type);
    }
    if (overlay.metadata() != null) {
      result
          .getMetadata()
          .setLabels(merged(result.getMetadata().getLabels(), overlay.metadata().labels()));
      result
          .getMetadata()
          .setAnnotations(
              merged(result.getMetadata().getAnnotations(), overlay.metadata().annotations()));
    }
    return result;
  }

  private static Map<String, String> merged(Map<String, String> base, Map<String, String> over) {
    Map<String, String> merged = new LinkedHashMap<>();
    if (base != null) {
      merged.putAll(base);
    }
    if (over != null) {
      merged.putAll(over);
    }
    return merged;
  }
}
