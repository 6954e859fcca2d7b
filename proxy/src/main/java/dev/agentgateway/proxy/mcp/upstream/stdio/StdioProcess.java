package dev.agentgateway.proxy.mcp.upstream.stdio;

import dev.agentgateway.model.ir.McpTarget;
import dev.agentgateway.proxy.mcp.upstream.McpTransportException;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Supervises the child process of one stdio target: starts it with the target's command, arguments
 * and environment, copies its stderr to the log, restarts it with {@link Backoff} when it dies, and
 * stops it (with its descendants) on {@link #close}.
 */
final class StdioProcess implements AutoCloseable {
  /** What the owner of the child's pipes is told. Called on the supervisor's thread. */
  interface Hooks {
    /**
     * A child is running; throwing (with a message that does not repeat the target name) counts as
     * a failed start, and the child is stopped.
     */
    void started(Process process) throws McpTransportException;

    /**
     * The child is gone (or could not start); {@code restarting} is false once supervision ended.
     */
    void exited(String cause, boolean restarting);
  }

  private static final System.Logger LOG = System.getLogger(StdioProcess.class.getPackageName());

  /** How long a child may take to exit after SIGTERM before it gets SIGKILL. */
  static final Duration GRACE = Duration.ofSeconds(2);

  private final McpTarget.Stdio target;
  private final StdioProcesses registry;
  private final Hooks hooks;
  private final Backoff backoff = Backoff.standard();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition stoppedChanged = lock.newCondition();
  private Process process;
  private boolean stopped;

  private StdioProcess(McpTarget.Stdio target, StdioProcesses registry, Hooks hooks) {
    this.target = target;
    this.registry = registry;
    this.hooks = hooks;
  }

  /**
   * Starts the first child and its supervision. A first start that fails is not retried: the caller
   * learns at once that the command is wrong, and no supervisor is left behind.
   */
  static StdioProcess start(McpTarget.Stdio target, StdioProcesses registry, Hooks hooks)
      throws McpTransportException {
    StdioProcess supervisor = new StdioProcess(target, registry, hooks);
    registry.register(supervisor);
    Process first;
    try {
      first = supervisor.spawn();
    } catch (IOException e) {
      registry.unregister(supervisor);
      throw new McpTransportException(supervisor.prefix() + supervisor.cannotStart(e), e);
    }
    try {
      hooks.started(first);
    } catch (McpTransportException e) {
      supervisor.close();
      throw e;
    }
    Thread.ofVirtual()
        .name("mcp-stdio-supervisor-" + target.name())
        .start(() -> supervisor.supervise(first));
    return supervisor;
  }

  /** The running child, if any. */
  Optional<ProcessHandle> child() {
    lock.lock();
    try {
      return Optional.ofNullable(process).filter(Process::isAlive).map(Process::toHandle);
    } finally {
      lock.unlock();
    }
  }

  /**
   * Ends supervision without waiting: no restart follows. Closes the child's stdin (the MCP way to
   * ask a stdio server to exit) and returns the child to terminate, if one runs.
   */
  List<ProcessHandle> stop() {
    Process current;
    lock.lock();
    try {
      stopped = true;
      stoppedChanged.signalAll();
      current = process;
    } finally {
      lock.unlock();
    }
    List<ProcessHandle> roots = new ArrayList<>();
    if (current != null && current.isAlive()) {
      try {
        current.getOutputStream().close();
      } catch (IOException e) {
        // Already broken: the signals below still apply.
      }
      roots.add(current.toHandle());
    }
    return roots;
  }

  /** Stops supervision and the child: SIGTERM, {@link #GRACE}, then SIGKILL, descendants too. */
  @Override
  public void close() {
    ProcessTrees.terminate(stop(), GRACE);
    registry.unregister(this);
  }

  /** How a dead child ended, for errors and the log. */
  static String describeExit(Process process) {
    int code = process.exitValue();
    // On Unix, the JDK reports death by signal N as 128 + N.
    return code > 128
        ? "process " + process.pid() + " was killed by signal " + (code - 128)
        : "process " + process.pid() + " exited with code " + code;
  }

  private Process spawn() throws IOException {
    List<String> command = new ArrayList<>();
    command.add(target.command());
    command.addAll(target.args());
    ProcessBuilder builder = new ProcessBuilder(command);
    // The proxy's environment plus the target's entries, later entries winning, as upstream does.
    target.env().forEach(e -> builder.environment().put(e.name(), e.value()));
    Process started;
    lock.lock();
    try {
      if (stopped) {
        throw new McpTransportException(prefix() + "stopped");
      }
      started = builder.start();
      process = started;
    } finally {
      lock.unlock();
    }
    StderrLog stderr = StderrLog.forTarget(target.name());
    Thread.ofVirtual()
        .name("mcp-stdio-stderr-" + target.name())
        .start(() -> stderr.pump(started.getErrorStream()));
    LOG.log(Level.INFO, "[{0}] started process {1}", target.name(), String.valueOf(started.pid()));
    return started;
  }

  private void supervise(Process first) {
    Process current = first;
    while (current != null) {
      long upSince = System.nanoTime();
      String cause = awaitExit(current);
      Duration uptime = Duration.ofNanos(System.nanoTime() - upSince);
      if (isStopped()) {
        hooks.exited(cause, false);
        break;
      }
      hooks.exited(cause, true);
      current = restart(cause, uptime);
      if (current == null) {
        hooks.exited("stopped", false);
      }
    }
    registry.unregister(this);
  }

  /** Retries with backoff until a child starts and is accepted; null once stopped. */
  private Process restart(String cause, Duration uptime) {
    Duration lastUptime = uptime;
    while (true) {
      Duration delay = backoff.next(lastUptime);
      lastUptime = Duration.ZERO;
      LOG.log(
          Level.WARNING,
          "[{0}] {1}; restarting in {2} ms",
          target.name(),
          cause,
          String.valueOf(delay.toMillis()));
      if (!sleepUnlessStopped(delay)) {
        return null;
      }
      Process next;
      try {
        next = spawn();
      } catch (IOException e) {
        cause = cannotStart(e);
        hooks.exited(cause, true);
        continue;
      }
      try {
        hooks.started(next);
        return next;
      } catch (McpTransportException e) {
        cause = e.getMessage();
        ProcessTrees.terminate(List.of(next.toHandle()), Duration.ZERO);
        hooks.exited(cause, true);
      }
    }
  }

  private String awaitExit(Process child) {
    while (true) {
      try {
        child.waitFor();
        return describeExit(child);
      } catch (InterruptedException e) {
        // Nobody interrupts the supervisor; keep waiting so the child is always reaped.
      }
    }
  }

  private boolean sleepUnlessStopped(Duration delay) {
    long left = delay.toNanos();
    lock.lock();
    try {
      while (!stopped && left > 0) {
        left = stoppedChanged.awaitNanos(left);
      }
      return !stopped;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    } finally {
      lock.unlock();
    }
  }

  private boolean isStopped() {
    lock.lock();
    try {
      return stopped;
    } finally {
      lock.unlock();
    }
  }

  private String cannotStart(IOException e) {
    return "cannot start command '" + target.command() + "': " + e.getMessage();
  }

  private String prefix() {
    return "stdio target '" + target.name() + "': ";
  }

  /** Waits at most {@code timeout} for {@code child} to exit. */
  static boolean waitFor(Process child, Duration timeout) {
    try {
      return child.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return !child.isAlive();
    }
  }
}
