package dev.agentgateway.proxy.mcp.server;

import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcCodec;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes server-sent events to a response, each flushed at once so the client sees it as it
 * happens. Synchronized: messages of several servers may arrive together.
 */
final class SseWriter {
  private static final byte[] MESSAGE =
      "event: message\ndata: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END = "\n\n".getBytes(StandardCharsets.US_ASCII);

  private final OutputStream out;
  private long bytes;
  private boolean broken;

  SseWriter(OutputStream out) {
    this.out = out;
  }

  /** Writes one JSON-RPC message as a {@code message} event; false once the client is gone. */
  synchronized boolean message(JsonRpcMessage message) {
    // JSON from Jackson has no raw newlines, so one data line always holds the whole message.
    return write(MESSAGE, JsonRpcCodec.bytes(message), END);
  }

  /** Writes an event of another type, e.g. the legacy transport's {@code endpoint}. */
  synchronized boolean event(String type, String data) {
    return write(
        ("event: " + type + "\ndata: ").getBytes(StandardCharsets.UTF_8),
        data.getBytes(StandardCharsets.UTF_8),
        END);
  }

  /** A comment line that keeps idle connections (and proxies in between) from timing out. */
  synchronized boolean keepAlive() {
    return write(": keep-alive\n\n".getBytes(StandardCharsets.US_ASCII));
  }

  private boolean write(byte[]... parts) {
    if (broken) {
      return false;
    }
    try {
      for (byte[] p : parts) {
        out.write(p);
        bytes += p.length;
      }
      out.flush();
      return true;
    } catch (IOException | UncheckedIOException e) {
      broken = true;
      return false;
    }
  }

  synchronized long bytes() {
    return bytes;
  }

  void close() {
    try {
      out.close();
    } catch (IOException | UncheckedIOException e) {
      // the client is gone; nothing to tell it
    }
  }
}
