package dev.agentgateway.proxy.llm.provider;

import dev.agentgateway.model.ir.BackendAuth;
import java.util.Map;
import java.util.Objects;

/**
 * AWS credentials for SigV4 signing; {@link #toString()} shows only the access key id.
 *
 * @param accessKeyId the access key id
 * @param secretAccessKey the secret access key
 * @param sessionToken a temporary credential's session token, or null
 */
public record AwsCredentials(String accessKeyId, String secretAccessKey, String sessionToken) {
  public AwsCredentials {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
  }

  /**
   * The configured keys, or else the environment's {@code AWS_ACCESS_KEY_ID}, {@code
   * AWS_SECRET_ACCESS_KEY} and {@code AWS_SESSION_TOKEN}.
   *
   * @throws IllegalStateException when neither has keys
   */
  public static AwsCredentials resolve(BackendAuth.Aws auth, Map<String, String> env) {
    if (auth != null && auth.accessKeyId() != null) {
      return new AwsCredentials(
          auth.accessKeyId(),
          auth.secretAccessKey().value(),
          auth.sessionToken() == null ? null : auth.sessionToken().value());
    }
    String id = env.get("AWS_ACCESS_KEY_ID");
    String secret = env.get("AWS_SECRET_ACCESS_KEY");
    if (id == null || id.isEmpty() || secret == null || secret.isEmpty()) {
      throw new IllegalStateException(
          "no AWS credentials: configure backendAuth.aws keys or set AWS_ACCESS_KEY_ID and"
              + " AWS_SECRET_ACCESS_KEY");
    }
    String token = env.get("AWS_SESSION_TOKEN");
    return new AwsCredentials(id, secret, token == null || token.isEmpty() ? null : token);
  }

  @Override
  public String toString() {
    return "AwsCredentials[accessKeyId=" + accessKeyId + ", secret=<redacted>]";
  }
}
