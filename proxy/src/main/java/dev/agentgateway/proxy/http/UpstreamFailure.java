package dev.agentgateway.proxy.http;

import io.helidon.common.buffers.DataReader;
import io.helidon.http.Status;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLHandshakeException;

/** Why an upstream try failed, with the status and one-line reason the client gets. */
final class UpstreamFailure extends RuntimeException {
  /** The kinds of failure; each maps to one status. */
  enum Kind {
    CONNECT(Status.BAD_GATEWAY_502),
    RESET(Status.BAD_GATEWAY_502),
    PROTOCOL(Status.BAD_GATEWAY_502),
    TIMEOUT(Status.GATEWAY_TIMEOUT_504);

    private final Status status;

    Kind(Status status) {
      this.status = status;
    }
  }

  private static final String TIMEOUT_REASON = "upstream request timeout";
  private static final String RESET_REASON = "upstream reset";
  private static final String PROTOCOL_REASON = "upstream protocol error";

  private final Kind kind;

  private UpstreamFailure(Kind kind, String reason, Throwable cause) {
    // No stack trace: these are expected outcomes, reported as one line.
    super(reason, cause, false, false);
    this.kind = kind;
  }

  static UpstreamFailure timeout() {
    return new UpstreamFailure(Kind.TIMEOUT, TIMEOUT_REASON, null);
  }

  Kind kind() {
    return kind;
  }

  Status status() {
    return kind.status;
  }

  /** The one-line reason for the client and the access log. */
  String reason() {
    return getMessage();
  }

  /**
   * Classifies {@code error} from an upstream try.
   *
   * @param connectionObtained whether the client had a connection when it failed
   */
  static UpstreamFailure classify(Throwable error, boolean connectionObtained) {
    if (error instanceof UpstreamFailure failure) {
      return failure;
    }
    boolean io = false;
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof NoRouteToHostException
          || t instanceof UnknownHostException
          || !connectionObtained && t instanceof SocketTimeoutException
          || t instanceof SSLHandshakeException) {
        return new UpstreamFailure(Kind.CONNECT, connectReason(t), error);
      }
      if (t instanceof IOException
          || t instanceof UncheckedIOException
          || t instanceof DataReader.InsufficientDataAvailableException) {
        io = true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    if (!connectionObtained) {
      return new UpstreamFailure(Kind.CONNECT, connectReason(rootOf(error)), error);
    }
    return io
        ? new UpstreamFailure(Kind.RESET, RESET_REASON, error)
        : new UpstreamFailure(Kind.PROTOCOL, PROTOCOL_REASON, error);
  }

  private static Throwable rootOf(Throwable error) {
    Throwable root = error;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root;
  }

  private static String connectReason(Throwable t) {
    String message = t instanceof UnknownHostException ? "unknown host" : t.getMessage();
    if (message == null || message.isBlank()) {
      message = t.getClass().getSimpleName();
    }
    int newline = message.indexOf('\n');
    if (newline >= 0) {
      message = message.substring(0, newline);
    }
    return "upstream connect error: " + message;
  }
}
