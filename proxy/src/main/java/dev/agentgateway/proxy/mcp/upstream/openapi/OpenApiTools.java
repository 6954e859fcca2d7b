package dev.agentgateway.proxy.mcp.upstream.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An OpenAPI document compiled once into MCP tools; immutable, shared by every session of the
 * targets that carry the document.
 */
final class OpenApiTools {
  private final String basePath;
  private final List<Operation> operations;
  private final Map<String, Operation> byName = new LinkedHashMap<>();

  /**
   * @param basePath the path of the document's first server URL, without a trailing {@code /}; ""
   *     when it names none
   * @param operations one per tool, in document order, names unique
   */
  OpenApiTools(String basePath, List<Operation> operations) {
    this.basePath = Objects.requireNonNull(basePath, "basePath");
    this.operations = List.copyOf(operations);
    for (Operation op : this.operations) {
      if (byName.put(op.toolName(), op) != null) {
        throw new IllegalArgumentException("two operations are named " + op.toolName());
      }
    }
  }

  /** Compiles {@code text}, an OpenAPI 3 document as JSON or YAML. */
  static OpenApiTools compile(String text) throws OpenApiSchemaException {
    return OpenApiCompiler.compile(text);
  }

  String basePath() {
    return basePath;
  }

  List<Operation> operations() {
    return operations;
  }

  /** The operation behind tool {@code name}, or null. */
  Operation operation(String name) {
    return byName.get(name);
  }

  /** The tools as {@code tools/list} returns them; a fresh copy the caller may change. */
  ArrayNode toolList() {
    ArrayNode out = JsonNodeFactory.instance.arrayNode(operations.size());
    for (Operation op : operations) {
      out.add(op.tool().deepCopy());
    }
    return out;
  }
}
