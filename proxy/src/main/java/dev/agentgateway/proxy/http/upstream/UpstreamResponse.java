package dev.agentgateway.proxy.http.upstream;

import io.helidon.http.Headers;
import io.helidon.http.Status;
import java.io.InputStream;

/**
 * A response head and a stream over exactly its body. Closing it before the body was read to the
 * end closes the connection instead of pooling it.
 */
public final class UpstreamResponse implements UpstreamReply {
  private final int code;
  private final String reason;
  private final Headers headers;
  private final ResponseBody body;

  UpstreamResponse(int code, String reason, Headers headers, ResponseBody body) {
    this.code = code;
    this.reason = reason;
    this.headers = headers;
    this.body = body;
  }

  public int code() {
    return code;
  }

  /** The status with the upstream's reason phrase. */
  @Override
  public Status status() {
    Status known = Status.create(code);
    return reason.isEmpty() || reason.equals(known.reasonPhrase())
        ? known
        : Status.create(code, reason);
  }

  @Override
  public Headers headers() {
    return headers;
  }

  @Override
  public InputStream inputStream() {
    return body;
  }

  /** Trailer fields of a chunked body, once it was read to the end. */
  @Override
  public Headers trailers() {
    return body.trailers();
  }

  @Override
  public void close() {
    body.close();
  }
}
