package dev.agentgateway.control.xds.auth;

import dev.agentgateway.control.xds.server.XdsMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.grpc.ServerInterceptor;
import java.util.List;
import java.util.Map;

/**
 * Whether xDS streams must authenticate ({@value #VARIABLE}, default true; false for local use).
 *
 * @param enabled true when every stream needs a ServiceAccount token of its Gateway
 */
public record XdsAuthSettings(boolean enabled) {

  /** The environment variable that switches authentication. */
  public static final String VARIABLE = "AGW_XDS_AUTH";

  private static final System.Logger LOG = System.getLogger(XdsAuthSettings.class.getName());

  /**
   * Reads {@value #VARIABLE}: unset or empty means true; otherwise {@code true} or {@code false}.
   *
   * @throws IllegalArgumentException naming the variable when its value is anything else
   */
  public static XdsAuthSettings fromEnv(Map<String, String> env) {
    String value = env.get(VARIABLE);
    if (value == null || value.isBlank()) {
      return new XdsAuthSettings(true);
    }
    return switch (value.strip()) {
      case "true" -> new XdsAuthSettings(true);
      case "false" -> new XdsAuthSettings(false);
      default ->
          throw new IllegalArgumentException(
              VARIABLE + " must be true or false, not '" + value + "'");
    };
  }

  /**
   * The interceptors for the xDS server's {@code ServerSecurity}: a TokenReview check through
   * {@code client} (verdicts cached briefly), counted in {@code metrics}; none when disabled.
   */
  public List<ServerInterceptor> interceptors(KubernetesClient client, XdsMetrics metrics) {
    if (!enabled) {
      LOG.log(
          System.Logger.Level.WARNING,
          "xDS authentication is off ("
              + VARIABLE
              + "=false): any client that reaches the port can read any Gateway's configuration");
      return List.of();
    }
    return List.of(
        new BearerTokenInterceptor(
            new CachingAuthenticator(new TokenReviewAuthenticator(client)), metrics));
  }
}
