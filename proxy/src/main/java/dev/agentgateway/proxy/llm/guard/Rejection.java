package dev.agentgateway.proxy.llm.guard;

import java.util.Objects;

/**
 * The response a refused request (or response) gets, as upstream's {@code rejection}: {@code
 * status}, {@code body} and header edits. The wiring sends it as is (a configured body is the
 * user's exact bytes) or wraps {@link #body} in the client's error shape when it is the default.
 */
public record Rejection(int status, String body, HeaderEdits headers) {
  /** Upstream's default body. */
  public static final String DEFAULT_BODY = "The request was rejected due to inappropriate content";

  /** Upstream's default: 403 with {@link #DEFAULT_BODY}. */
  public static final Rejection DEFAULT = new Rejection(403, DEFAULT_BODY, HeaderEdits.NONE);

  /** Validates; null body and headers mean the defaults. */
  public Rejection {
    if (status < 100 || status > 999) {
      throw new IllegalArgumentException("rejection.status: not an HTTP status: " + status);
    }
    body = Objects.requireNonNullElse(body, DEFAULT_BODY);
    headers = Objects.requireNonNullElse(headers, HeaderEdits.NONE);
  }

  /** A rejection with no header edits. */
  public static Rejection of(int status, String body) {
    return new Rejection(status, body, HeaderEdits.NONE);
  }
}
