package dev.agentgateway.proxy.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real npm clients and servers tests run against (the repository's {@code npm/} folder):
 * installs them once with {@code npm ci} (under a file lock, so parallel test JVMs share one
 * install) and starts node processes that the caller must {@link Process#destroy} (use {@link
 * #start} inside try-with-resources via {@link Peer}).
 */
public final class NodePeers {
  private NodePeers() {}

  /** The {@code npm/} folder, found from the working directory upwards. */
  public static Path dir() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null) {
      if (Files.exists(p.resolve("npm/package-lock.json"))) {
        return p.resolve("npm");
      }
      p = p.getParent();
    }
    throw new IllegalStateException(
        "no npm/package-lock.json above " + Path.of("").toAbsolutePath());
  }

  /** Runs {@code npm ci} unless {@code node_modules} is newer than the lock file; idempotent. */
  public static synchronized Path installed() {
    Path dir = dir();
    Path marker = dir.resolve("node_modules/.package-lock.json");
    try (FileChannel lockFile =
            FileChannel.open(
                dir.resolve(".install.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock ignored = lockFile.lock()) {
      if (Files.exists(marker)
          && Files.getLastModifiedTime(marker)
                  .compareTo(Files.getLastModifiedTime(dir.resolve("package-lock.json")))
              >= 0) {
        return dir;
      }
      Process npm =
          new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(dir.resolve("npm-ci.log").toFile())
              .start();
      if (!npm.waitFor(10, TimeUnit.MINUTES) || npm.exitValue() != 0) {
        npm.destroyForcibly();
        throw new IllegalStateException(
            "npm ci failed in " + dir + "; see " + dir.resolve("npm-ci.log"));
      }
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A started node process; closing it kills it and its children. */
  public record Peer(Process process) implements AutoCloseable {
    @Override
    public void close() {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      try {
        process.waitFor(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /**
   * Starts {@code node <script> <args>} in the npm folder with {@code env} added; stderr goes to
   * {@code target/<name>.log} of the calling module, stdout stays readable unless {@code
   * stdoutToLog}.
   *
   * @param script a path relative to the npm folder, e.g. {@code
   *     node_modules/@modelcontextprotocol/server-everything/dist/index.js}
   */
  public static Peer start(
      String name, Map<String, String> env, boolean stdoutToLog, String script, String... args) {
    Path dir = installed();
    List<String> command = new ArrayList<>();
    command.add("node");
    command.add(dir.resolve(script).toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().putAll(env);
    Path log = Path.of("target", name + ".log").toAbsolutePath();
    pb.redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
    if (stdoutToLog) {
      pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    }
    try {
      Files.createDirectories(log.getParent());
      return new Peer(pb.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The server-everything entry point, for {@link #start}: transports stdio, sse, streamableHttp.
   */
  public static final String SERVER_EVERYTHING =
      "node_modules/@modelcontextprotocol/server-everything/dist/index.js";
}
