package dev.agentgateway.proxy.http.upstream;

/** The upstream sent a response head (or chunk line, or trailers) over the size limit. */
public final class HeadTooLargeException extends UpstreamProtocolException {
  HeadTooLargeException(int max) {
    super("upstream response head larger than " + max + " bytes");
  }
}
