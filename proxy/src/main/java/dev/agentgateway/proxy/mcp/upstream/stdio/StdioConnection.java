package dev.agentgateway.proxy.mcp.upstream.stdio;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcCodec;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcErrors;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcException;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;
import dev.agentgateway.proxy.mcp.upstream.McpTransportException;
import dev.agentgateway.proxy.mcp.upstream.McpUpstream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The pipes of one running child: serialized line writes to stdin, and a reader thread that matches
 * stdout messages to the calls in flight. A restarted child gets a new connection.
 */
final class StdioConnection {
  /** Longer stdout lines are skipped: no MCP message needs more, and the heap stays bounded. */
  static final int MAX_LINE = 16 * 1024 * 1024;

  private static final System.Logger LOG = System.getLogger(StdioConnection.class.getPackageName());

  private final String target;
  private final Process process;
  private final OutputStream stdin;
  private final McpUpstream.Listener listener;
  private final ReentrantLock writeLock = new ReentrantLock();
  private final Map<String, PendingCall> pending = new ConcurrentHashMap<>();
  private volatile String failure;

  StdioConnection(String target, Process process, McpUpstream.Listener listener) {
    this.target = target;
    this.process = process;
    this.stdin = process.getOutputStream();
    this.listener = listener;
  }

  void startReader() {
    Thread.ofVirtual().name("mcp-stdio-reader-" + target).start(this::readLoop);
  }

  /** Sends {@code request} and waits for its reply until {@code deadline} (System.nanoTime). */
  JsonRpcMessage call(
      JsonRpcMessage.Request request, Consumer<JsonRpcMessage> related, long deadline)
      throws McpTransportException {
    PendingCall call = PendingCall.of(request, related);
    String key = PendingCall.key(request.id());
    if (pending.putIfAbsent(key, call) != null) {
      throw new McpTransportException(
          prefix() + "a request with id " + request.id() + " is already in flight");
    }
    try {
      // Checked after registering, so a concurrent fail() either sees this call or we see it.
      throwIfFailed();
      write(request);
      return call.reply().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      cancel(request);
      throw new McpTransportException(
          prefix() + "no response to '" + request.method() + "' in time", e);
    } catch (ExecutionException e) {
      // Rewrapped so the stack trace shows the caller, not the reader thread.
      throw new McpTransportException(e.getCause().getMessage(), e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new McpTransportException(prefix() + "interrupted waiting for a response", e);
    } finally {
      pending.remove(key, call);
    }
  }

  /** How many calls wait for an answer. */
  int inFlight() {
    return pending.size();
  }

  /** Writes one message as one line. */
  void write(JsonRpcMessage message) throws McpTransportException {
    throwIfFailed();
    byte[] line = JsonRpcCodec.bytes(message);
    // The codec writes compact JSON with control characters escaped, so this never trips; a raw
    // newline would split the message into two invalid lines on the child's side.
    for (byte b : line) {
      if (b == '\n' || b == '\r') {
        throw new IllegalStateException("encoded JSON-RPC message contains a line break");
      }
    }
    writeLock.lock();
    try {
      stdin.write(line);
      stdin.write('\n');
      stdin.flush();
    } catch (IOException e) {
      throw new McpTransportException(
          prefix() + "cannot write to the process: " + e.getMessage(), e);
    } finally {
      writeLock.unlock();
    }
  }

  /** Fails every call in flight and every later one with {@code cause}; idempotent. */
  void fail(String cause) {
    if (failure == null) {
      failure = cause;
    }
    McpTransportException error = new McpTransportException(prefix() + failure);
    pending.values().forEach(c -> c.reply().completeExceptionally(error));
  }

  private void throwIfFailed() throws McpTransportException {
    String cause = failure;
    if (cause != null) {
      throw new McpTransportException(prefix() + cause);
    }
  }

  /** Tells the child to stop working on a call nobody waits for any more; best effort. */
  private void cancel(JsonRpcMessage.Request request) {
    ObjectNode params = JsonNodeFactory.instance.objectNode();
    params.set("requestId", request.id());
    params.put("reason", "the gateway's timeout expired");
    try {
      write(new JsonRpcMessage.Notification("notifications/cancelled", params));
    } catch (McpTransportException e) {
      // The child is gone; nothing to cancel.
    }
  }

  private void readLoop() {
    LineReader reader = new LineReader(process.getInputStream(), MAX_LINE);
    try {
      LineReader.Line line;
      while ((line = reader.next()) != null) {
        onLine(line);
      }
    } catch (IOException e) {
      // The pipe broke because the process died or was stopped: handled below.
    }
    fail(endCause());
  }

  /**
   * Why stdout ended. A child that closes stdout but keeps running is of no use, so it is stopped
   * and the supervisor restarts it.
   */
  private String endCause() {
    if (StdioProcess.waitFor(process, StdioProcess.GRACE)) {
      return StdioProcess.describeExit(process);
    }
    ProcessTrees.terminate(List.of(process.toHandle()), StdioProcess.GRACE);
    return "process " + process.pid() + " closed its stdout; stopped it";
  }

  private void onLine(LineReader.Line line) {
    if (line.truncated()) {
      LOG.log(
          Level.WARNING,
          "[{0}] skipped a stdout line of {1} bytes: over the {2}-byte limit",
          target,
          String.valueOf(line.length()),
          String.valueOf(MAX_LINE));
      return;
    }
    if (isBlank(line.bytes())) {
      return;
    }
    List<JsonRpcMessage> messages;
    try {
      messages = JsonRpcCodec.parse(line.bytes());
    } catch (JsonRpcException e) {
      // Usually a server that logs to stdout; its text is not echoed, it may hold secrets.
      LOG.log(
          Level.WARNING,
          "[{0}] skipped a stdout line of {1} bytes that is not JSON-RPC ({2})",
          target,
          String.valueOf(line.length()),
          e.code() == JsonRpcErrors.PARSE_ERROR ? "not JSON" : e.getMessage());
      return;
    }
    messages.forEach(this::dispatch);
  }

  private void dispatch(JsonRpcMessage message) {
    switch (message) {
      case JsonRpcMessage.Response r -> complete(PendingCall.key(r.id()), r);
      case JsonRpcMessage.ErrorResponse e when e.id() != null ->
          complete(PendingCall.key(e.id()), e);
      case JsonRpcMessage.Notification n when "notifications/progress".equals(n.method()) ->
          deliver(progressOwner(n), n);
      case JsonRpcMessage.Request r -> deliver(onlyCall(), r);
      default -> deliver(null, message);
    }
  }

  private void complete(String key, JsonRpcMessage reply) {
    PendingCall call = pending.get(key);
    if (call == null) {
      LOG.log(Level.DEBUG, "[{0}] dropped a response nobody waits for (timed out?)", target);
      return;
    }
    call.reply().complete(reply);
  }

  private PendingCall progressOwner(JsonRpcMessage.Notification progress) {
    if (progress.params() == null || !progress.params().has("progressToken")) {
      return null;
    }
    String token = PendingCall.key(progress.params().get("progressToken"));
    return pending.values().stream()
        .filter(c -> token.equals(c.progressToken()))
        .findFirst()
        .orElse(null);
  }

  /**
   * Over stdio nothing ties a server's request to the call that caused it; with exactly one call in
   * flight it can only be that one, otherwise the session's listener gets it.
   */
  private PendingCall onlyCall() {
    var calls = List.copyOf(pending.values());
    return calls.size() == 1 ? calls.get(0) : null;
  }

  private void deliver(PendingCall call, JsonRpcMessage message) {
    try {
      if (call != null) {
        call.related().accept(message);
      } else {
        listener.onMessage(message);
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "[" + target + "] a message handler failed", e);
    }
  }

  private String prefix() {
    return "stdio target '" + target + "': ";
  }

  private static boolean isBlank(byte[] bytes) {
    for (byte b : bytes) {
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }
}
