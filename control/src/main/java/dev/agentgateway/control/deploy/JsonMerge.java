package dev.agentgateway.control.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * JSON merges: a plain deep merge of objects (rawConfig), and the subset of Kubernetes strategic
 * merge patch that overlays need.
 *
 * <p>Strategic merge subset: objects merge key by key; a {@code null} value removes the key; a list
 * whose patch items are all objects with a {@code name} merges item by item on {@code name} (an
 * item {@code {"name": x, "$patch": "delete"}} removes x, new names are appended); an object with
 * {@code "$patch": "delete"} removes itself and {@code "$patch": "replace"} replaces instead of
 * merging; every other list replaces the original. Other merge keys ({@code containerPort}, {@code
 * mountPath}, ...), {@code $setElementOrder} and {@code $retainKeys} are not supported.
 */
final class JsonMerge {
  private static final String PATCH = "$patch";

  private JsonMerge() {}

  /** Objects merged recursively, {@code over} winning; anything else replaced by {@code over}. */
  static JsonNode deepMerge(JsonNode base, JsonNode over) {
    if (base == null || !base.isObject() || over == null || !over.isObject()) {
      return over == null ? base : over.deepCopy();
    }
    ObjectNode merged = ((ObjectNode) base).deepCopy();
    for (Iterator<Map.Entry<String, JsonNode>> it = over.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      merged.set(e.getKey(), deepMerge(merged.get(e.getKey()), e.getValue()));
    }
    return merged;
  }

  /** Applies a strategic-merge-style {@code patch} to {@code target}; returns the result. */
  static JsonNode strategicMerge(JsonNode target, JsonNode patch) {
    if (patch == null || patch.isMissingNode()) {
      return target;
    }
    if (patch.isObject()) {
      String directive = patch.path(PATCH).asText("");
      if ("replace".equals(directive)) {
        ObjectNode copy = ((ObjectNode) patch).deepCopy();
        copy.remove(PATCH);
        return copy;
      }
      if (target == null || !target.isObject()) {
        return withoutDirectives(patch);
      }
      ObjectNode merged = ((ObjectNode) target).deepCopy();
      for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        String key = e.getKey();
        JsonNode value = e.getValue();
        if (key.equals(PATCH)) {
          continue;
        }
        if (value.isNull() || isDelete(value)) {
          merged.remove(key);
        } else {
          merged.set(key, strategicMerge(merged.get(key), value));
        }
      }
      return merged;
    }
    if (patch.isArray() && target != null && target.isArray() && mergesByName(patch)) {
      return mergeByName((ArrayNode) target, (ArrayNode) patch);
    }
    return withoutDirectives(patch);
  }

  private static boolean isDelete(JsonNode value) {
    return value.isObject() && "delete".equals(value.path(PATCH).asText(""));
  }

  private static boolean mergesByName(JsonNode list) {
    if (list.isEmpty()) {
      return false;
    }
    for (JsonNode item : list) {
      if (!item.isObject() || !item.path("name").isTextual()) {
        return false;
      }
    }
    return true;
  }

  private static JsonNode mergeByName(ArrayNode target, ArrayNode patch) {
    List<JsonNode> items = new ArrayList<>();
    target.forEach(items::add);
    for (JsonNode p : patch) {
      String name = p.get("name").asText();
      int at = indexOf(items, name);
      if (isDelete(p)) {
        if (at >= 0) {
          items.remove(at);
        }
      } else if (at >= 0) {
        items.set(at, strategicMerge(items.get(at), p));
      } else {
        items.add(withoutDirectives(p));
      }
    }
    ArrayNode out = JsonNodeFactory.instance.arrayNode();
    items.forEach(out::add);
    return out;
  }

  private static int indexOf(List<JsonNode> items, String name) {
    for (int i = 0; i < items.size(); i++) {
      if (name.equals(items.get(i).path("name").asText(null))) {
        return i;
      }
    }
    return -1;
  }

  private static JsonNode withoutDirectives(JsonNode node) {
    if (node.isObject()) {
      ObjectNode copy = JsonNodeFactory.instance.objectNode();
      node.fields()
          .forEachRemaining(
              e -> {
                if (!e.getKey().equals(PATCH) && !e.getValue().isNull()) {
                  copy.set(e.getKey(), withoutDirectives(e.getValue()));
                }
              });
      return copy;
    }
    if (node.isArray()) {
      ArrayNode copy = JsonNodeFactory.instance.arrayNode();
      node.forEach(
          item -> {
            if (!isDelete(item)) {
              copy.add(withoutDirectives(item));
            }
          });
      return copy;
    }
    return node;
  }
}
