package dev.agentgateway.proxy.mcp.mux;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Ids of requests servers send to the client (sampling, elicitation, roots), rewritten so that the
 * client's answer finds its way back: {@code agw_<target>_n_<number>} or {@code
 * agw_<target>_s_<string>}. Self-describing, so no table to keep or expire; target names have no
 * {@code _}, so parsing is unambiguous.
 */
final class ServerRequestIds {
  private static final String PREFIX = "agw_";

  private ServerRequestIds() {}

  static JsonNode toClient(String target, JsonNode id) {
    String kind = id.isIntegralNumber() ? "_n_" : "_s_";
    return JsonNodeFactory.instance.textNode(PREFIX + target + kind + id.asText());
  }

  /** The target and original id of a rewritten id, or null when {@code id} is not one of ours. */
  static Origin fromClient(JsonNode id) {
    if (id == null || !id.isTextual() || !id.asText().startsWith(PREFIX)) {
      return null;
    }
    String rest = id.asText().substring(PREFIX.length());
    int sep = rest.indexOf('_');
    if (sep <= 0 || rest.length() < sep + 3 || rest.charAt(sep + 2) != '_') {
      return null;
    }
    String target = rest.substring(0, sep);
    String value = rest.substring(sep + 3);
    return switch (rest.charAt(sep + 1)) {
      case 'n' -> {
        try {
          yield new Origin(target, JsonNodeFactory.instance.numberNode(Long.parseLong(value)));
        } catch (NumberFormatException e) {
          yield null;
        }
      }
      case 's' -> new Origin(target, JsonNodeFactory.instance.textNode(value));
      default -> null;
    };
  }

  /** Where a server request came from: its target and the id that server gave it. */
  record Origin(String target, JsonNode id) {}
}
