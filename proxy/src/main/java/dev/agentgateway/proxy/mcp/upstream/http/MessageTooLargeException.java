package dev.agentgateway.proxy.mcp.upstream.http;

import java.io.IOException;

/** A server sent one message (a JSON body or an SSE event) larger than the configured cap. */
public final class MessageTooLargeException extends IOException {
  private final long limit;

  public MessageTooLargeException(String what, long limit) {
    super(what + " is larger than " + limit + " bytes");
    this.limit = limit;
  }

  /** The cap that was exceeded, in bytes. */
  public long limit() {
    return limit;
  }
}
