package dev.agentgateway.proxy.http.upstream;

/** The upstream broke HTTP/1.1 framing; the connection is not reused. */
public class UpstreamProtocolException extends RuntimeException {
  UpstreamProtocolException(String message) {
    // No stack trace: a bad upstream is an expected outcome, reported as one line.
    super(message, null, false, false);
  }
}
