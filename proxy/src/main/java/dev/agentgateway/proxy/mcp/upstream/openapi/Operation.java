package dev.agentgateway.proxy.mcp.upstream.openapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Objects;

/**
 * One OpenAPI operation compiled into an MCP tool.
 *
 * @param toolName the tool's name: the operationId, or {@code <method>_<path>} made safe
 * @param method the HTTP method, upper case
 * @param path the path template as the document writes it, e.g. {@code /pets/{petId}}
 * @param params the path, query and header parameters (path-level ones merged in)
 * @param body whether the operation takes a JSON request body ({@code body} in the arguments)
 * @param bodyRequired whether a call must give that body
 * @param tool the tool as {@code tools/list} shows it: name, description and input schema
 */
record Operation(
    String toolName,
    String method,
    String path,
    List<Param> params,
    boolean body,
    boolean bodyRequired,
    ObjectNode tool) {
  Operation {
    Objects.requireNonNull(toolName, "toolName");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    params = List.copyOf(params);
    Objects.requireNonNull(tool, "tool");
  }
}
