package dev.agentgateway.proxy.mcp.upstream.stdio;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.agentgateway.model.ir.McpTarget;
import dev.agentgateway.proxy.mcp.jsonrpc.JsonRpcMessage;
import dev.agentgateway.proxy.mcp.upstream.McpTransportException;
import dev.agentgateway.proxy.mcp.upstream.McpUpstream;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * An MCP server run as a child process (the MCP stdio transport), one per gateway session. When the
 * child dies, calls in flight fail at once, and the restarted child is sent the client's {@code
 * initialize} and {@code notifications/initialized} again so the session carries on; calls made
 * meanwhile wait for it within their timeout. The upstream never ends on its own, so {@link
 * McpUpstream.Listener#onClosed} is not called.
 */
public final class StdioUpstream implements McpUpstream {
  /** How long a restarted child may take to answer the replayed {@code initialize}. */
  private static final Duration REPLAY_TIMEOUT = Duration.ofSeconds(30);

  private final McpTarget.Stdio target;
  private final Listener listener;
  private final AtomicLong replays = new AtomicLong();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private StdioProcess process;
  // Guarded by lock:
  private StdioConnection live;
  private boolean ready;
  private String down = "starting";
  private boolean stopped;
  private boolean closed;
  private JsonRpcMessage.Request initialize;
  private JsonRpcMessage.Notification initialized;

  private StdioUpstream(McpTarget.Stdio target, Listener listener) {
    this.target = Objects.requireNonNull(target, "target");
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  /**
   * Starts the target's process, tracked by {@code processes}.
   *
   * @throws McpTransportException the command cannot be started (named in the message), or the
   *     gateway is shutting down
   */
  public static StdioUpstream open(
      McpTarget.Stdio target, StdioProcesses processes, Listener listener)
      throws McpTransportException {
    StdioUpstream upstream = new StdioUpstream(target, listener);
    upstream.process = StdioProcess.start(target, processes, upstream.new Hooks());
    return upstream;
  }

  @Override
  public JsonRpcMessage call(
      JsonRpcMessage.Request request, Duration timeout, Consumer<JsonRpcMessage> related)
      throws McpTransportException {
    Objects.requireNonNull(request, "request");
    Objects.requireNonNull(related, "related");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive, got " + timeout);
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    JsonRpcMessage reply = awaitReady(deadline).call(request, related, deadline);
    if ("initialize".equals(request.method()) && reply instanceof JsonRpcMessage.Response) {
      remember(request);
    }
    return reply;
  }

  @Override
  public void send(JsonRpcMessage message) throws McpTransportException {
    if (message instanceof JsonRpcMessage.Request) {
      throw new IllegalArgumentException("requests go through call(), not send()");
    }
    StdioConnection connection;
    lock.lock();
    try {
      throwIfGone();
      // Not waiting for a restart: an answer or notification meant for the dead child means
      // nothing to its successor.
      if (live == null) {
        throw new McpTransportException(prefix() + "not running (" + down + ")");
      }
      connection = live;
      if (message instanceof JsonRpcMessage.Notification n
          && "notifications/initialized".equals(n.method())
          && initialize != null
          && initialized == null) {
        initialized = n;
      }
    } finally {
      lock.unlock();
    }
    connection.write(message);
  }

  /** Null: a stdio server has no session id; the session lives as long as the process. */
  @Override
  public String sessionId() {
    return null;
  }

  /** Ends the session: stops the child and its descendants (SIGTERM, a grace, SIGKILL). */
  @Override
  public void close() {
    StdioConnection connection;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      connection = live;
      live = null;
      ready = false;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (connection != null) {
      connection.fail("closed");
    }
    process.close();
  }

  /** The running child, if any. */
  Optional<ProcessHandle> child() {
    return process.child();
  }

  /** How many calls wait for the running child's answer (for tests). */
  int callsInFlight() {
    lock.lock();
    try {
      return live == null ? 0 : live.inFlight();
    } finally {
      lock.unlock();
    }
  }

  private StdioConnection awaitReady(long deadline) throws McpTransportException {
    lock.lock();
    try {
      while (true) {
        throwIfGone();
        if (ready) {
          return live;
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw new McpTransportException(prefix() + "not running (" + down + ")");
        }
        changed.awaitNanos(left);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new McpTransportException(prefix() + "interrupted waiting for a restart", e);
    } finally {
      lock.unlock();
    }
  }

  private void throwIfGone() throws McpTransportException {
    if (closed) {
      throw new McpTransportException(prefix() + "closed");
    }
    if (stopped) {
      throw new McpTransportException(prefix() + "stopped (" + down + ")");
    }
  }

  private void remember(JsonRpcMessage.Request request) {
    lock.lock();
    try {
      if (initialize == null) {
        initialize = request;
      }
    } finally {
      lock.unlock();
    }
  }

  private String prefix() {
    return "stdio target '" + target.name() + "': ";
  }

  /** Connects each new child, replaying the handshake to restarted ones. */
  private final class Hooks implements StdioProcess.Hooks {
    @Override
    public void started(Process child) throws McpTransportException {
      StdioConnection connection = new StdioConnection(target.name(), child, listener);
      connection.startReader();
      JsonRpcMessage.Request init;
      JsonRpcMessage.Notification inited;
      lock.lock();
      try {
        live = connection;
        ready = false;
        init = initialize;
        inited = initialized;
      } finally {
        lock.unlock();
      }
      if (init != null) {
        replay(connection, init, inited);
      }
      lock.lock();
      try {
        if (live == connection) {
          ready = true;
          changed.signalAll();
        }
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void exited(String cause, boolean restarting) {
      StdioConnection connection;
      lock.lock();
      try {
        connection = live;
        live = null;
        ready = false;
        down = cause;
        stopped |= !restarting;
        changed.signalAll();
      } finally {
        lock.unlock();
      }
      if (connection != null) {
        connection.fail(cause);
      }
    }

    /** Our own id, so the replayed handshake's answer cannot be mistaken for a client's. */
    private void replay(
        StdioConnection connection, JsonRpcMessage.Request init, JsonRpcMessage.Notification inited)
        throws McpTransportException {
      var again =
          new JsonRpcMessage.Request(
              TextNode.valueOf("agw-stdio-replay-" + replays.incrementAndGet()),
              init.method(),
              init.params());
      JsonRpcMessage reply =
          connection.call(again, listener::onMessage, System.nanoTime() + REPLAY_TIMEOUT.toNanos());
      if (!(reply instanceof JsonRpcMessage.Response)) {
        throw new McpTransportException("the restarted server refused the replayed initialize");
      }
      if (inited != null) {
        connection.write(inited);
      }
    }
  }
}
