package dev.agentgateway.proxy.config;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_DELETE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Watches one config file and calls back with its new text when its content changes.
 *
 * <p>It watches the directory holding the path as given and the directory of the file it resolves
 * to, so edits in place, editors that write a new file and rename it over the old one, and
 * Kubernetes ConfigMap volumes (where {@code config.yaml} links through {@code ..data}, a symlink
 * swapped atomically to a new timestamped directory) are all seen. Any event in those directories
 * triggers a check after a short quiet period (debounce); the check re-resolves the real path,
 * reads the file and compares a SHA-256 of its bytes with the last one, so only real content
 * changes reach the callback.
 */
public final class ConfigFileWatcher implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(ConfigFileWatcher.class.getName());

  private final Path file;
  private final Duration debounce;
  private final Consumer<String> onChange;
  private final WatchService watcher;
  private final Set<Path> watchedDirs = new HashSet<>();
  private byte[] lastHash;
  private Thread thread;

  /**
   * @param file the config file, as the user named it (may be a symlink)
   * @param debounce how long events must stop before the file is read
   * @param onChange receives the new content, on the watcher's thread
   */
  public ConfigFileWatcher(Path file, Duration debounce, Consumer<String> onChange)
      throws IOException {
    this.file = file.toAbsolutePath();
    this.debounce = Objects.requireNonNull(debounce, "debounce");
    this.onChange = Objects.requireNonNull(onChange, "onChange");
    this.watcher = this.file.getFileSystem().newWatchService();
  }

  /** Remembers the current content (no callback for it) and starts watching. */
  public void start() throws IOException {
    lastHash = hash(Files.readAllBytes(file));
    registerDirs();
    thread = Thread.ofVirtual().name("config-watcher").start(this::loop);
  }

  private void loop() {
    try {
      boolean pending = false;
      long due = 0;
      while (true) {
        WatchKey key;
        if (pending) {
          long wait = due - System.nanoTime();
          key = wait > 0 ? watcher.poll(wait, java.util.concurrent.TimeUnit.NANOSECONDS) : null;
        } else {
          key = watcher.take();
        }
        if (key != null) {
          key.pollEvents();
          key.reset();
          pending = true;
          due = System.nanoTime() + debounce.toNanos();
          continue;
        }
        pending = false;
        check();
      }
    } catch (InterruptedException | ClosedWatchServiceException e) {
      // closed
    }
  }

  /** Reads the file and calls back when its bytes differ from the last ones seen. */
  void check() {
    byte[] bytes;
    try {
      registerDirs();
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      LOG.fine("config file " + file + " is missing (being replaced?); waiting");
      return;
    } catch (IOException e) {
      LOG.warning("cannot read config file " + file + ": " + e);
      return;
    }
    byte[] h = hash(bytes);
    if (Arrays.equals(h, lastHash)) {
      return;
    }
    lastHash = h;
    try {
      onChange.accept(new String(bytes, StandardCharsets.UTF_8));
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "config reload failed", e);
    }
  }

  private void registerDirs() throws IOException {
    register(file.getParent());
    try {
      register(file.toRealPath().getParent());
    } catch (NoSuchFileException e) {
      // between a delete and a create; the next event checks again
    }
  }

  private void register(Path dir) throws IOException {
    if (dir != null && watchedDirs.add(dir)) {
      dir.register(watcher, ENTRY_CREATE, ENTRY_MODIFY, ENTRY_DELETE);
    }
  }

  private static byte[] hash(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  @Override
  public void close() {
    try {
      watcher.close();
    } catch (IOException e) {
      LOG.fine("error closing the watch service: " + e);
    }
    if (thread != null) {
      thread.interrupt();
    }
  }
}
