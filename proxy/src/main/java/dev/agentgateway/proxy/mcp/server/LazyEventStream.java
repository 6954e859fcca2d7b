package dev.agentgateway.proxy.mcp.server;

import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerResponse;

/**
 * The answer to one call as an event stream, opened only when a server sends something during the
 * call (progress, a request to the client). Most calls send nothing and get a plain JSON answer,
 * which costs one write instead of a stream's headers, event and end.
 */
final class LazyEventStream {
  private final ServerResponse res;
  private SseWriter writer;

  LazyEventStream(ServerResponse res) {
    this.res = res;
  }

  /** Sends {@code message} as an event, opening the stream first; false once the client is gone. */
  synchronized boolean message(JsonRpcMessage message) {
    if (writer == null) {
      res.status(Status.OK_200);
      res.header(HeaderNames.CONTENT_TYPE, "text/event-stream");
      res.header(HeaderNames.CACHE_CONTROL, "no-cache");
      writer = new SseWriter(res.outputStream());
    }
    return writer.message(message);
  }

  /** True once the stream has been opened. */
  synchronized boolean opened() {
    return writer != null;
  }

  /** Sends the call's answer as the last event and ends the stream; the bytes written. */
  synchronized long finish(JsonRpcMessage answer) {
    writer.message(answer);
    writer.close();
    return writer.bytes();
  }
}
