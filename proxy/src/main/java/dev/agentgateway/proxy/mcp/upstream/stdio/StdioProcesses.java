package dev.agentgateway.proxy.mcp.upstream.stdio;

import dev.agentgateway.proxy.mcp.upstream.McpTransportException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every stdio child the proxy runs, so none outlives it: the proxy runtime owns one and closes it
 * at shutdown, which stops all children and their descendants at once (one grace period for all).
 * Optionally also closes from a JVM shutdown hook, for exits that skip the runtime's shutdown.
 */
public final class StdioProcesses implements AutoCloseable {
  private final ReentrantLock lock = new ReentrantLock();
  private final Set<StdioProcess> live = new LinkedHashSet<>();
  private final Thread shutdownHook;
  private boolean closed;

  /**
   * @param shutdownHook also close from a JVM shutdown hook (the proxy's main sets this; tests,
   *     which run many registries in one JVM, do not)
   */
  public StdioProcesses(boolean shutdownHook) {
    if (shutdownHook) {
      this.shutdownHook = Thread.ofPlatform().name("mcp-stdio-shutdown").unstarted(this::close);
      Runtime.getRuntime().addShutdownHook(this.shutdownHook);
    } else {
      this.shutdownHook = null;
    }
  }

  /** The children running now (not their descendants). */
  public List<ProcessHandle> children() {
    List<StdioProcess> copy;
    lock.lock();
    try {
      copy = List.copyOf(live);
    } finally {
      lock.unlock();
    }
    return copy.stream().map(StdioProcess::child).flatMap(Optional::stream).toList();
  }

  /** Stops every child: SIGTERM to each tree, one shared grace period, then SIGKILL. */
  @Override
  public void close() {
    List<StdioProcess> copy;
    lock.lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      copy = List.copyOf(live);
      live.clear();
    } finally {
      lock.unlock();
    }
    List<ProcessHandle> roots = new ArrayList<>();
    copy.forEach(p -> roots.addAll(p.stop()));
    ProcessTrees.terminate(roots, StdioProcess.GRACE);
    if (shutdownHook != null && Thread.currentThread() != shutdownHook) {
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // The JVM is already shutting down; the hook runs (and finds nothing left) or has run.
      }
    }
  }

  void register(StdioProcess process) throws McpTransportException {
    lock.lock();
    try {
      if (closed) {
        throw new McpTransportException("the gateway is shutting down: no new stdio processes");
      }
      live.add(process);
    } finally {
      lock.unlock();
    }
  }

  void unregister(StdioProcess process) {
    lock.lock();
    try {
      live.remove(process);
    } finally {
      lock.unlock();
    }
  }
}
