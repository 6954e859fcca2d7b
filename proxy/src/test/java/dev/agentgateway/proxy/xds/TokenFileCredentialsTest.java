package dev.agentgateway.proxy.xds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.grpc.CallCredentials;
import io.grpc.Metadata;
import io.grpc.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenFileCredentialsTest {
  @TempDir Path dir;

  /** What one call's metadata step produced. */
  private static final class Captured extends CallCredentials.MetadataApplier {
    Metadata headers;
    Status failure;

    @Override
    public void apply(Metadata headers) {
      this.headers = headers;
    }

    @Override
    public void fail(Status status) {
      this.failure = status;
    }
  }

  private static Captured call(TokenFileCredentials credentials) {
    Captured captured = new Captured();
    credentials.applyRequestMetadata(null, Runnable::run, captured);
    return captured;
  }

  @Test
  void sendsTheTokenAsBearerWithTheClusterId() throws Exception {
    Path file = Files.writeString(dir.resolve("token"), "tok-1\n");
    Captured c = call(new TokenFileCredentials(file, "Kubernetes"));
    assertNull(c.failure);
    assertEquals("Bearer tok-1", c.headers.get(TokenFileCredentials.AUTHORIZATION));
    assertEquals("Kubernetes", c.headers.get(TokenFileCredentials.CLUSTER_ID));
  }

  @Test
  void readsTheFileAgainWhenTheKubeletSwapsIt() throws Exception {
    // The kubelet writes a new file and swaps a symlink; same length, and the clock may not move.
    Path target1 = Files.writeString(dir.resolve("v1"), "token-A");
    Path target2 = Files.writeString(dir.resolve("v2"), "token-B");
    Files.setLastModifiedTime(target2, Files.getLastModifiedTime(target1));
    Path link = Files.createSymbolicLink(dir.resolve("token"), target1);
    TokenFileCredentials credentials = new TokenFileCredentials(link, "c1");
    assertEquals(
        "Bearer token-A", call(credentials).headers.get(TokenFileCredentials.AUTHORIZATION));

    Path next = Files.createSymbolicLink(dir.resolve("token.next"), target2);
    Files.move(next, link, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    assertEquals(
        "Bearer token-B", call(credentials).headers.get(TokenFileCredentials.AUTHORIZATION));
  }

  @Test
  void readsTheFileAgainWhenRewrittenInPlace() throws Exception {
    Path file = Files.writeString(dir.resolve("token"), "first");
    TokenFileCredentials credentials = new TokenFileCredentials(file, "c1");
    assertEquals("Bearer first", call(credentials).headers.get(TokenFileCredentials.AUTHORIZATION));

    Files.writeString(file, "second-token");
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().plusSeconds(5)));
    assertEquals(
        "Bearer second-token", call(credentials).headers.get(TokenFileCredentials.AUTHORIZATION));
  }

  @Test
  void missingFileFailsTheCallNamingThePath() {
    Path file = dir.resolve("absent");
    Captured c = call(new TokenFileCredentials(file, "c1"));
    assertNull(c.headers);
    assertNotNull(c.failure);
    assertEquals(Status.Code.UNAVAILABLE, c.failure.getCode());
    assertEquals(
        "cannot read the xDS token file " + file + ": NoSuchFileException",
        c.failure.getDescription());
  }

  @Test
  void emptyFileFailsTheCallAsUnauthenticated() throws Exception {
    Path file = Files.writeString(dir.resolve("token"), "  \n");
    Captured c = call(new TokenFileCredentials(file, "c1"));
    assertEquals(Status.Code.UNAUTHENTICATED, c.failure.getCode());
    assertEquals("the xDS token file " + file + " is empty", c.failure.getDescription());
  }

  @Test
  void tokenWithForbiddenCharactersIsRefusedWithoutEchoingIt() throws Exception {
    Path file = Files.writeString(dir.resolve("token"), "abc def");
    Captured c = call(new TokenFileCredentials(file, "c1"));
    assertEquals(Status.Code.UNAUTHENTICATED, c.failure.getCode());
    assertEquals(
        "the xDS token file " + file + " holds characters a token cannot have",
        c.failure.getDescription());
  }
}
