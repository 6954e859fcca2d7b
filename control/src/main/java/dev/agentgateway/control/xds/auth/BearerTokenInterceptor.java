package dev.agentgateway.control.xds.auth;

import dev.agentgateway.control.xds.server.XdsIdentity;
import dev.agentgateway.control.xds.server.XdsMetrics;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.Objects;

/**
 * Authenticates each xDS stream by its {@code authorization: Bearer <token>} header and puts the
 * proven ServiceAccount in {@link XdsIdentity#SERVICE_ACCOUNT}; the stream then checks it against
 * the Gateway it asks for.
 *
 * <p>The review may block on the API server. grpc-java starts calls, interceptors included, on the
 * server's call executor (virtual threads for the xDS server), not on a Netty event loop.
 */
public final class BearerTokenInterceptor implements ServerInterceptor {
  static final Metadata.Key<String> AUTHORIZATION =
      Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

  private static final System.Logger LOG = System.getLogger(BearerTokenInterceptor.class.getName());
  private static final String BEARER = "Bearer ";

  private final TokenAuthenticator authenticator;
  private final XdsMetrics metrics;

  /** Checks tokens with {@code authenticator}, counting outcomes in {@code metrics}. */
  public BearerTokenInterceptor(TokenAuthenticator authenticator, XdsMetrics metrics) {
    this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
  }

  @Override
  public <Q, R> ServerCall.Listener<Q> interceptCall(
      ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
    String header = headers.get(AUTHORIZATION);
    if (header == null) {
      return refuse(call, Status.UNAUTHENTICATED, "missing authorization: Bearer <token>");
    }
    if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())
        || header.substring(BEARER.length()).isBlank()) {
      return refuse(call, Status.UNAUTHENTICATED, "authorization header is not Bearer <token>");
    }
    String token = header.substring(BEARER.length()).strip();
    Authentication verdict;
    try {
      verdict = authenticator.authenticate(token);
    } catch (ReviewUnavailableException e) {
      return refuse(call, Status.UNAVAILABLE, "cannot check the token now: " + e.getMessage());
    } catch (RuntimeException e) {
      // An unexpected failure must still end the stream with a status, not leave it hanging.
      LOG.log(System.Logger.Level.WARNING, "xDS token check failed", e);
      return refuse(call, Status.INTERNAL, "token check failed");
    }
    return switch (verdict) {
      case Authentication.Refused refused -> refuse(call, Status.UNAUTHENTICATED, refused.reason());
      case Authentication.Accepted accepted -> {
        metrics.authSucceeded();
        Context context =
            Context.current().withValue(XdsIdentity.SERVICE_ACCOUNT, accepted.serviceAccount());
        yield Contexts.interceptCall(context, call, headers, next);
      }
    };
  }

  private <Q> ServerCall.Listener<Q> refuse(ServerCall<Q, ?> call, Status status, String reason) {
    metrics.authFailed();
    LOG.log(
        System.Logger.Level.INFO,
        "refusing xDS stream from "
            + call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR)
            + ": "
            + status.getCode()
            + " "
            + reason);
    call.close(status.withDescription(reason), new Metadata());
    return new ServerCall.Listener<>() {};
  }
}
