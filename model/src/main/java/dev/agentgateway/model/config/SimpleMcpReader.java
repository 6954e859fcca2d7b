package dev.agentgateway.model.config;

import dev.agentgateway.model.ir.Backend;
import dev.agentgateway.model.ir.RoutePolicies;

/**
 * Reads the top-level {@code mcp:} shortcut into what the long form would give: a bind on {@code
 * port} with one listener ({@code mcp}, any hostname) and one route ({@code default} in namespace
 * {@code internal}, every path) to one MCP backend named {@code mcp}, as upstream builds it. The
 * MCP handler serves both {@code /mcp} (streamable HTTP) and {@code /sse} (legacy SSE) under it.
 */
final class SimpleMcpReader {
  /** Upstream's port when {@code port} is not set. */
  static final int DEFAULT_PORT = 3000;

  static final String LISTENER_NAME = "mcp";
  static final String ROUTE_NAME = "default";
  static final String ROUTE_NAMESPACE = "internal";
  static final String BACKEND_NAME = "mcp";

  private final McpReader mcp;
  private final PolicyReader policies = new PolicyReader();

  SimpleMcpReader(McpReader mcp) {
    this.mcp = mcp;
  }

  void read(ConfigNode node, Resources out) {
    if (!node.mapping(UpstreamFields.SIMPLE_MCP)) {
      return;
    }
    ConfigNode portNode = node.field("port");
    Integer port = portNode.present() ? portNode.integer(1, 65535) : Integer.valueOf(DEFAULT_PORT);
    ConfigNode policiesNode = node.field("policies");
    RoutePolicies routePolicies = policies.read(policiesNode);
    if (policiesNode.isMapping() && policiesNode.field("backendAuth").present()) {
      policiesNode.field("backendAuth").notSupported();
    }
    ConfigNode a2a = policiesNode.field("a2a");
    if (policiesNode.isMapping() && A2aPolicy.isSet(a2a)) {
      a2a.error("a2a does not apply here: the mcp shortcut's backend is an mcp backend");
    }
    Backend.Mcp backend = mcp.read(node, BACKEND_NAME);
    if (port == null) {
      return;
    }
    String owner = out.claimPort(port, node.path());
    if (owner != null) {
      portNode.error(
          portNode.present()
              ? "port is already used by " + owner
              : "the default port " + port + " is already used by " + owner + "; set a port");
      return;
    }
    if (backend == null) {
      return;
    }
    out.addShortcut(port, LISTENER_NAME, ROUTE_NAME, ROUTE_NAMESPACE, routePolicies, backend);
  }
}
