package dev.agentgateway.proxy.llm.format;

/**
 * A body that cannot be read or translated: the client gets a 400 in its own error shape. The
 * message names the field and never quotes prompt content.
 */
public final class FormatException extends RuntimeException {
  public FormatException(String message) {
    super(message);
  }
}
