package dev.agentgateway.proxy.mcp.upstream.openapi;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Replaces local {@code $ref}s ({@code #/components/...}) in a JSON schema with copies of what they
 * point to, because MCP clients get a tool's input schema on its own, without the document around
 * it. A recursive reference, one nested deeper than {@link #MAX_DEPTH}, one past the {@link
 * #MAX_EXPANSIONS} budget of a schema (which stops a document whose references fan out from growing
 * exponentially) and a reference to another document all become an open schema that says why; a
 * local reference to nothing is an error.
 */
final class SchemaInliner {
  static final int MAX_DEPTH = 32;
  static final int MAX_EXPANSIONS = 2000;
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final JsonNode document;

  SchemaInliner(JsonNode document) {
    this.document = document;
  }

  /** A copy of {@code schema} with its references inlined. */
  JsonNode inline(JsonNode schema) throws OpenApiSchemaException {
    return inline(schema, new ArrayDeque<>(), new int[] {MAX_EXPANSIONS});
  }

  /**
   * What a {@code $ref} object points to, following chains of references; the object itself when it
   * is not a reference. For parameters, request bodies and path items, which are never recursive.
   */
  JsonNode resolve(JsonNode node) throws OpenApiSchemaException {
    JsonNode current = node;
    for (int hops = 0; hops <= MAX_DEPTH; hops++) {
      String ref = ref(current);
      if (ref == null) {
        return current;
      }
      current = target(ref);
    }
    throw new OpenApiSchemaException("$ref chain longer than " + MAX_DEPTH + " at " + ref(node));
  }

  private JsonNode inline(JsonNode node, Deque<String> chain, int[] budget)
      throws OpenApiSchemaException {
    if (node.isArray()) {
      ArrayNode out = NODES.arrayNode(node.size());
      for (JsonNode item : node) {
        out.add(inline(item, chain, budget));
      }
      return out;
    }
    if (!node.isObject()) {
      return node;
    }
    String ref = ref(node);
    if (ref != null) {
      return expand(ref, (ObjectNode) node, chain, budget);
    }
    ObjectNode out = NODES.objectNode();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      out.set(field.getKey(), inline(field.getValue(), chain, budget));
    }
    return out;
  }

  private JsonNode expand(String ref, ObjectNode node, Deque<String> chain, int[] budget)
      throws OpenApiSchemaException {
    if (!ref.startsWith("#")) {
      return open("reference to another document (" + ref + ") is not resolved");
    }
    if (chain.contains(ref)) {
      return open("recursive reference to " + ref);
    }
    if (chain.size() >= MAX_DEPTH || budget[0] <= 0) {
      return open("reference to " + ref + " not expanded: the schema is too deep or too large");
    }
    budget[0]--;
    chain.push(ref);
    JsonNode resolved = inline(target(ref), chain, budget);
    chain.pop();
    if (node.size() == 1 || !resolved.isObject()) {
      return resolved;
    }
    // OpenAPI 3.1 lets a $ref carry siblings (description, ...): they win over the target's
    ObjectNode merged = ((ObjectNode) resolved).deepCopy();
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      if (!field.getKey().equals("$ref")) {
        merged.set(field.getKey(), inline(field.getValue(), chain, budget));
      }
    }
    return merged;
  }

  private JsonNode target(String ref) throws OpenApiSchemaException {
    if (!ref.startsWith("#/")) {
      throw new OpenApiSchemaException("unsupported $ref " + ref + " (only #/... is resolved)");
    }
    JsonNode target;
    try {
      target = document.at(JsonPointer.compile(ref.substring(1)));
    } catch (IllegalArgumentException e) {
      throw new OpenApiSchemaException("invalid $ref " + ref);
    }
    if (target.isMissingNode()) {
      throw new OpenApiSchemaException("$ref " + ref + " points to nothing");
    }
    return target;
  }

  private static String ref(JsonNode node) {
    JsonNode ref = node.get("$ref");
    return ref != null && ref.isTextual() ? ref.textValue() : null;
  }

  private static ObjectNode open(String why) {
    return NODES.objectNode().put("description", why);
  }
}
