package dev.agentgateway.proxy.mcp.upstream.stdio;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Stops processes together with everything they started. */
final class ProcessTrees {
  /** How long SIGKILLed processes may take to go before we stop waiting. */
  private static final Duration REAP = Duration.ofSeconds(5);

  private static final long POLL_MILLIS = 20;

  private ProcessTrees() {}

  /**
   * Sends SIGTERM to every root and its descendants, waits up to {@code grace} for them to exit,
   * then SIGKILLs the survivors. Descendants are listed before anything is signalled: once a parent
   * dies its children are re-parented and no longer show as its descendants.
   */
  static void terminate(Collection<ProcessHandle> roots, Duration grace) {
    List<ProcessHandle> all = new ArrayList<>();
    for (ProcessHandle root : roots) {
      all.add(root);
      root.descendants().forEach(all::add);
    }
    all.forEach(ProcessHandle::destroy);
    awaitGone(all, grace);
    all.stream().filter(ProcessTrees::running).forEach(ProcessHandle::destroyForcibly);
    awaitGone(all, REAP);
  }

  /**
   * Alive and not a zombie. An orphaned grandchild is re-parented to PID 1, which in a container is
   * often not an init that reaps; its zombie is dead but still "alive" to {@link
   * ProcessHandle#isAlive}, and waiting for its exit would never end.
   */
  static boolean running(ProcessHandle process) {
    if (!process.isAlive()) {
      return false;
    }
    Path stat = Path.of("/proc", String.valueOf(process.pid()), "stat");
    try {
      String text = Files.readString(stat);
      // The state follows the command name, which is in parentheses and may contain spaces.
      int end = text.lastIndexOf(')');
      return end < 0 || end + 2 >= text.length() || text.charAt(end + 2) != 'Z';
    } catch (NoSuchFileException e) {
      return false;
    } catch (IOException | SecurityException e) {
      return process.isAlive(); // no procfs: trust the JDK
    }
  }

  private static void awaitGone(List<ProcessHandle> processes, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    // Polling, since onExit() never completes for a zombie nobody reaps.
    while (processes.stream().anyMatch(ProcessTrees::running) && System.nanoTime() - deadline < 0) {
      try {
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
