package dev.agentgateway.model.ir;

import java.time.Duration;

/**
 * Downstream HTTP limits ({@code frontendPolicies.http}, {@code frontend.http}).
 *
 * @param maxBufferSize the most body bytes ever buffered (retry replay, future body policies)
 * @param http1MaxHeaders the most header fields in an HTTP/1 request, or 0 for the default (100)
 * @param maxHeaderSize the most bytes of request headers ({@code http2MaxHeaderSize}, applied to
 *     HTTP/1 too), or 0 for the default (16 KiB)
 * @param http1IdleTimeout how long an idle HTTP/1 connection stays open
 * @param http2WindowSize the HTTP/2 stream receive window in bytes, or 0 for the default
 * @param http2FrameSize the largest HTTP/2 frame accepted in bytes (16384..16777215), or 0 for the
 *     default
 */
public record FrontendHttp(
    long maxBufferSize,
    int http1MaxHeaders,
    int maxHeaderSize,
    Duration http1IdleTimeout,
    int http2WindowSize,
    int http2FrameSize) {

  public static final long DEFAULT_MAX_BUFFER_SIZE = 2 * 1024 * 1024;

  public static final FrontendHttp DEFAULT =
      new FrontendHttp(DEFAULT_MAX_BUFFER_SIZE, 0, 0, Duration.ofMinutes(10));

  public FrontendHttp {
    if (http2WindowSize < 0) {
      throw new IllegalArgumentException("http2WindowSize must not be negative");
    }
    if (http2FrameSize != 0 && (http2FrameSize < 16384 || http2FrameSize > 16_777_215)) {
      throw new IllegalArgumentException(
          "http2FrameSize must be between 16384 and 16777215, got " + http2FrameSize);
    }
  }

  /** Without HTTP/2 flow-control settings. */
  public FrontendHttp(
      long maxBufferSize, int http1MaxHeaders, int maxHeaderSize, Duration http1IdleTimeout) {
    this(maxBufferSize, http1MaxHeaders, maxHeaderSize, http1IdleTimeout, 0, 0);
  }
}
