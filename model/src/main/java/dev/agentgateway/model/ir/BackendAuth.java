package dev.agentgateway.model.ir;

import java.util.Objects;

/**
 * How the gateway authenticates to a backend (upstream's {@code backendAuth}); for LLM providers it
 * rides on the {@link AiProvider}.
 */
public sealed interface BackendAuth {

  /**
   * A static key. Without a {@code location} it goes where the provider expects it ({@code
   * Authorization: Bearer} for OpenAI-compatible APIs, {@code x-api-key} for Anthropic, {@code
   * x-goog-api-key} for Gemini, ...).
   *
   * @param value the key
   * @param location where to put it instead, or null for the provider's place
   */
  record Key(Secret value, Location location) implements BackendAuth {
    public Key {
      Objects.requireNonNull(value, "value");
    }

    /** A key placed where the provider expects it. */
    public Key(Secret value) {
      this(value, null);
    }
  }

  /** The client's own credential is forwarded; without it the client's Authorization is removed. */
  record Passthrough() implements BackendAuth {}

  /**
   * AWS SigV4 signing. Without an access key the process environment's {@code AWS_ACCESS_KEY_ID},
   * {@code AWS_SECRET_ACCESS_KEY} and {@code AWS_SESSION_TOKEN} are used.
   *
   * @param accessKeyId the access key id, or null for the environment's
   * @param secretAccessKey set exactly when {@code accessKeyId} is
   * @param sessionToken a temporary credential's token, or null
   * @param region the signing region, or null for the provider's
   * @param serviceName the signing service, or null for the provider's ({@code bedrock})
   */
  record Aws(
      String accessKeyId,
      Secret secretAccessKey,
      Secret sessionToken,
      String region,
      String serviceName)
      implements BackendAuth {
    public Aws {
      if ((accessKeyId == null) != (secretAccessKey == null)) {
        throw new IllegalArgumentException(
            "aws accessKeyId and secretAccessKey must be set together");
      }
      if (sessionToken != null && accessKeyId == null) {
        throw new IllegalArgumentException("aws sessionToken needs explicit keys");
      }
    }

    /** Credentials from the environment. */
    public static Aws implicit(String region, String serviceName) {
      return new Aws(null, null, null, region, serviceName);
    }
  }

  /** Where a {@link Key} goes on the backend request. */
  sealed interface Location {
    /**
     * A request header.
     *
     * @param name the header
     * @param prefix put before the key (such as {@code "Bearer "}), or null
     */
    record Header(String name, String prefix) implements Location {
      public Header {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
          throw new IllegalArgumentException("header name is blank");
        }
      }
    }

    /** A query parameter. */
    record QueryParameter(String name) implements Location {
      public QueryParameter {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
          throw new IllegalArgumentException("query parameter name is blank");
        }
      }
    }
  }
}
