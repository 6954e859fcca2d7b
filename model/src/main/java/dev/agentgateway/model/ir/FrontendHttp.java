package dev.agentgateway.model.ir;

import java.time.Duration;

/**
 * Downstream HTTP limits ({@code frontendPolicies.http}).
 *
 * @param maxBufferSize the most body bytes ever buffered (retry replay, future body policies)
 * @param http1MaxHeaders the most header fields in an HTTP/1 request, or 0 for the default (100)
 * @param maxHeaderSize the most bytes of request headers ({@code http2MaxHeaderSize}, applied to
 *     HTTP/1 too), or 0 for the default (16 KiB)
 * @param http1IdleTimeout how long an idle HTTP/1 connection stays open
 */
public record FrontendHttp(
    long maxBufferSize, int http1MaxHeaders, int maxHeaderSize, Duration http1IdleTimeout) {

  public static final long DEFAULT_MAX_BUFFER_SIZE = 2 * 1024 * 1024;

  public static final FrontendHttp DEFAULT =
      new FrontendHttp(DEFAULT_MAX_BUFFER_SIZE, 0, 0, Duration.ofMinutes(10));
}
