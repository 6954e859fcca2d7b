package dev.agentgateway.proxy.server;

import dev.agentgateway.model.ir.Bind;
import java.net.BindException;

/** A bind's port could not be opened (usually because it is in use). */
public final class BindFailedException extends Exception {
  private static final long serialVersionUID = 1L;

  private final String bindKey;
  private final int port;

  BindFailedException(Bind bind, Throwable cause) {
    super(message(bind, cause), cause);
    this.bindKey = bind.key();
    this.port = bind.port();
  }

  private static String message(Bind bind, Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof BindException) {
        return bind.key() + ": port " + bind.port() + " is already in use";
      }
    }
    return bind.key() + ": cannot listen on port " + bind.port() + ": " + rootMessage(cause);
  }

  private static String rootMessage(Throwable cause) {
    Throwable t = cause;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
  }

  /** The key of the bind that failed. */
  public String bindKey() {
    return bindKey;
  }

  /** The port that could not be opened. */
  public int port() {
    return port;
  }
}
