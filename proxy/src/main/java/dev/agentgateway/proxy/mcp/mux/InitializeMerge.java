package dev.agentgateway.proxy.mcp.mux;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * Merges the initialize results of several servers into the one the client sees: the oldest
 * protocol version any of them speaks (dated versions compare as strings), every capability any of
 * them has (flags such as {@code listChanged} OR'ed), their instructions labelled by target, and
 * the gateway as the server.
 */
final class InitializeMerge {
  static final String SERVER_NAME = "agentgateway";

  private InitializeMerge() {}

  /**
   * @param results initialize results by target, in target order
   * @param version the gateway's version for serverInfo
   */
  static ObjectNode merge(Map<String, JsonNode> results, String version) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    ObjectNode merged = nodes.objectNode();
    String protocol = null;
    ObjectNode capabilities = nodes.objectNode();
    StringBuilder instructions = new StringBuilder();
    for (Map.Entry<String, JsonNode> e : results.entrySet()) {
      JsonNode r = e.getValue();
      String v = r.path("protocolVersion").asText("");
      if (!v.isEmpty() && (protocol == null || v.compareTo(protocol) < 0)) {
        protocol = v;
      }
      JsonNode caps = r.path("capabilities");
      for (Iterator<Map.Entry<String, JsonNode>> it = caps.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> cap = it.next();
        capabilities.set(cap.getKey(), or(capabilities.get(cap.getKey()), cap.getValue()));
      }
      String text = r.path("instructions").asText("");
      if (!text.isEmpty()) {
        if (!instructions.isEmpty()) {
          instructions.append("\n\n");
        }
        if (results.size() > 1) {
          instructions.append(e.getKey()).append(": ");
        }
        instructions.append(text);
      }
    }
    if (protocol != null) {
      merged.put("protocolVersion", protocol);
    }
    merged.set("capabilities", capabilities);
    ObjectNode info = merged.putObject("serverInfo");
    info.put("name", SERVER_NAME);
    info.put("version", version);
    if (!instructions.isEmpty()) {
      merged.put("instructions", instructions.toString());
    }
    return merged;
  }

  /** Two capability values combined: objects field by field, booleans OR'ed, else the first. */
  private static JsonNode or(JsonNode a, JsonNode b) {
    if (a == null) {
      return b.deepCopy();
    }
    if (a.isObject() && b.isObject()) {
      ObjectNode out = ((ObjectNode) a).deepCopy();
      for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        out.set(f.getKey(), or(out.get(f.getKey()), f.getValue()));
      }
      return out;
    }
    if (a.isBoolean() && b.isBoolean()) {
      return JsonNodeFactory.instance.booleanNode(a.asBoolean() || b.asBoolean());
    }
    return a;
  }
}
