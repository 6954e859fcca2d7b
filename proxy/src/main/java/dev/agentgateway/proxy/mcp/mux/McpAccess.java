package dev.agentgateway.proxy.mcp.mux;

/**
 * What the caller of one request may see and use: list results are filtered by it and calls are
 * refused by it. The authorization policies (CEL rules over the caller's claims) implement it.
 */
@FunctionalInterface
public interface McpAccess {
  /** Everything allowed: no authorization policy applies. */
  McpAccess ALL = (kind, target, name) -> true;

  /** The kinds of things a policy can allow. */
  enum Kind {
    TOOL,
    PROMPT,
    RESOURCE
  }

  /**
   * Whether the caller may see and use {@code name} (a tool or prompt name, or a resource URI, as
   * the target itself names it) of {@code target}.
   */
  boolean allowed(Kind kind, String target, String name);
}
