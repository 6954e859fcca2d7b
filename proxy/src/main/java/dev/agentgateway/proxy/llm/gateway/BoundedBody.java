package dev.agentgateway.proxy.llm.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/** Reads a whole body, refusing one larger than a limit before reading past it. */
final class BoundedBody {
  /** The body is larger than the limit. */
  static final class TooLargeException extends IOException {
    TooLargeException(long limit) {
      super("the request body is larger than " + limit + " bytes");
    }
  }

  private BoundedBody() {}

  /**
   * All of {@code in}.
   *
   * @param declared the declared length, or -1 when unknown
   * @throws TooLargeException when the body (declared or read) exceeds {@code limit}
   */
  static byte[] read(InputStream in, long declared, long limit) throws IOException {
    if (declared > limit) {
      throw new TooLargeException(limit);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(declared > 0 ? (int) declared : 8192);
    byte[] buf = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(buf)) > 0) {
      total += n;
      if (total > limit) {
        throw new TooLargeException(limit);
      }
      out.write(buf, 0, n);
    }
    return out.toByteArray();
  }
}
