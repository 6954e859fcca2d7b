package dev.agentgateway.control.xds.server;

import io.grpc.InsecureServerCredentials;
import io.grpc.ServerCredentials;
import io.grpc.ServerInterceptor;
import java.util.List;
import java.util.Objects;

/**
 * How the xDS server protects its port: transport credentials (plaintext or TLS) and interceptors
 * that authenticate each stream, setting {@link XdsIdentity#SERVICE_ACCOUNT} in the call context.
 */
public record ServerSecurity(ServerCredentials credentials, List<ServerInterceptor> interceptors) {

  /** Copies the interceptors. */
  public ServerSecurity {
    Objects.requireNonNull(credentials, "credentials");
    interceptors = List.copyOf(interceptors);
  }

  /** No TLS, no authentication: for local use and tests. */
  public static ServerSecurity plaintext() {
    return new ServerSecurity(InsecureServerCredentials.create(), List.of());
  }
}
