package dev.agentgateway.proxy.xds;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sends the projected ServiceAccount token as {@code authorization: Bearer <token>}, plus {@code
 * clusterid}, on each stream. The kubelet rotates the file in place (a symlink swap), so each call
 * checks the file's attributes and reads it again when they changed.
 */
final class TokenFileCredentials extends CallCredentials {
  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
  static final Metadata.Key<String> CLUSTER_ID =
      Metadata.Key.of("clusterid", Metadata.ASCII_STRING_MARSHALLER);

  /** What identifies one version of the file without reading it. */
  private record Stamp(FileTime modified, long size, Object fileKey) {}

  private record Token(Stamp stamp, String value) {}

  private final Path path;
  private final String clusterId;
  private final ReentrantLock lock = new ReentrantLock();
  private Token current;

  TokenFileCredentials(Path path, String clusterId) {
    this.path = Objects.requireNonNull(path, "path");
    this.clusterId = Objects.requireNonNull(clusterId, "clusterId");
  }

  /** Where the token is read from. */
  Path path() {
    return path;
  }

  @Override
  public void applyRequestMetadata(
      RequestInfo requestInfo, Executor appExecutor, MetadataApplier applier) {
    // File I/O stays off the transport thread.
    appExecutor.execute(() -> apply(applier));
  }

  private void apply(MetadataApplier applier) {
    String token;
    try {
      token = token();
    } catch (IOException e) {
      applier.fail(
          Status.UNAVAILABLE.withDescription(
              "cannot read the xDS token file " + path + ": " + e.getClass().getSimpleName()));
      return;
    } catch (IllegalStateException e) {
      applier.fail(Status.UNAUTHENTICATED.withDescription(e.getMessage()));
      return;
    }
    Metadata headers = new Metadata();
    headers.put(AUTHORIZATION, "Bearer " + token);
    headers.put(CLUSTER_ID, clusterId);
    applier.apply(headers);
  }

  /**
   * The token, read again when the file changed.
   *
   * @throws IOException when the file cannot be read
   * @throws IllegalStateException when the file holds no usable token (the message names the path)
   */
  String token() throws IOException {
    // readAttributes follows the symlink, so a swap shows as a new file key even at equal size
    // and modification time.
    BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
    Stamp stamp = new Stamp(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
    lock.lock();
    try {
      if (current == null || !current.stamp().equals(stamp)) {
        current = new Token(stamp, validate(Files.readString(path, StandardCharsets.UTF_8)));
      }
      return current.value();
    } finally {
      lock.unlock();
    }
  }

  private String validate(String content) {
    String token = content.strip();
    if (token.isEmpty()) {
      throw new IllegalStateException("the xDS token file " + path + " is empty");
    }
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        throw new IllegalStateException(
            "the xDS token file " + path + " holds characters a token cannot have");
      }
    }
    return token;
  }
}
