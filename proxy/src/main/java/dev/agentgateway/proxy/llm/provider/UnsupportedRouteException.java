package dev.agentgateway.proxy.llm.provider;

/** A provider has no endpoint for a route type (or lacks what the path needs, such as a model). */
public final class UnsupportedRouteException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnsupportedRouteException(String message) {
    super(message);
  }
}
