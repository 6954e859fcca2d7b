package dev.agentgateway.proxy.mcp.upstream;

import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * One MCP server as one gateway session sees it. Blocking by design: callers run on virtual
 * threads. Implementations are thread-safe: several requests of one session may be in flight at
 * once, and {@link #close} may race with them (they then fail with {@link McpTransportException}).
 */
public interface McpUpstream extends AutoCloseable {

  /**
   * Sends {@code request} and blocks until its response or error response arrives.
   *
   * @param related receives, in order and before this returns, what the server sends in the context
   *     of this request: progress and logging notifications, and requests to the client (sampling,
   *     elicitation, roots), which the caller answers with {@link #send}
   * @throws McpTransportException the server could not be reached, answered garbage, closed, or did
   *     not answer within {@code timeout}
   */
  JsonRpcMessage call(
      JsonRpcMessage.Request request, Duration timeout, Consumer<JsonRpcMessage> related)
      throws McpTransportException;

  /**
   * Sends a notification, or a response to a request the server made.
   *
   * @throws McpTransportException the server could not be reached or refused it
   */
  void send(JsonRpcMessage message) throws McpTransportException;

  /**
   * The server's session id (streamable HTTP {@code Mcp-Session-Id}), sealed into the gateway's own
   * session id so another replica can resume; null when the transport has none.
   */
  String sessionId();

  /**
   * Ends the server session: DELETE for streamable HTTP, closing the stream, stopping a process.
   */
  @Override
  void close();

  /**
   * Releases this process's hold on the server session without ending it, so another replica can
   * resume it by its id. Transports whose sessions cannot be resumed elsewhere just close.
   */
  default void detach() {
    close();
  }

  /**
   * What a server sends outside any request: list-changed and other notifications, requests to the
   * client. Called on a thread of the upstream's own; must not block for long.
   */
  interface Listener {
    /** A message from the server not tied to a call in flight. */
    void onMessage(JsonRpcMessage message);

    /** The connection ended on its own (the server closed it, the process died); not on close(). */
    default void onClosed(Throwable cause) {}
  }
}
