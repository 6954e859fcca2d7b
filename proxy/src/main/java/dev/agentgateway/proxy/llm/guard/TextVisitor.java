package dev.agentgateway.proxy.llm.guard;

/** Sees one piece of text in a body with its role, and returns its replacement (or itself). */
@FunctionalInterface
public interface TextVisitor {
  /** Returns {@code text} unchanged, or what replaces it in the body. */
  String visit(String role, String text);
}
