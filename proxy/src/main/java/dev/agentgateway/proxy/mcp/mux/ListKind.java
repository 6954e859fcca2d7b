package dev.agentgateway.proxy.mcp.mux;

/**
 * The list methods that fan out, with the result array each returns, the field naming an item, and
 * whether that field is a URI ({@code <target>+<uri>}) or a name ({@code <target>_<name>}).
 */
enum ListKind {
  TOOLS("tools/list", "tools", "name", false, McpAccess.Kind.TOOL),
  PROMPTS("prompts/list", "prompts", "name", false, McpAccess.Kind.PROMPT),
  RESOURCES("resources/list", "resources", "uri", true, McpAccess.Kind.RESOURCE),
  RESOURCE_TEMPLATES(
      "resources/templates/list",
      "resourceTemplates",
      "uriTemplate",
      true,
      McpAccess.Kind.RESOURCE);

  final String method;
  final String array;
  final String key;
  final boolean uri;
  final McpAccess.Kind access;

  ListKind(String method, String array, String key, boolean uri, McpAccess.Kind access) {
    this.method = method;
    this.array = array;
    this.key = key;
    this.uri = uri;
    this.access = access;
  }

  static ListKind of(String method) {
    for (ListKind k : values()) {
      if (k.method.equals(method)) {
        return k;
      }
    }
    return null;
  }
}
