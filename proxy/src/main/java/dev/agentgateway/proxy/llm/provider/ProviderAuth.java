package dev.agentgateway.proxy.llm.provider;

import dev.agentgateway.model.ir.AiProvider;
import dev.agentgateway.model.ir.BackendAuth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Puts the provider's credential where each provider expects it, and removes the client's own
 * credentials (the gateway's key replaces them) unless the auth is passthrough:
 *
 * <ul>
 *   <li>OpenAI, Copilot, custom providers and presets, Vertex, and Bedrock API keys: {@code
 *       Authorization: Bearer <key>};
 *   <li>Anthropic: {@code x-api-key} (an OAuth token, {@code sk-ant-oat...}, stays a Bearer token),
 *       and {@code anthropic-version: 2023-06-01} unless the client sent one;
 *   <li>Gemini: {@code x-goog-api-key};
 *   <li>Azure: {@code api-key}, the header Azure OpenAI takes for resource keys (Entra tokens,
 *       which go as Bearer, are not supported yet);
 *   <li>a key with an explicit {@code location}: that header (with its prefix) or query parameter;
 *   <li>AWS: the request is signed with SigV4 after everything else ({@link UpstreamAuth#sigV4}).
 * </ul>
 */
public final class ProviderAuth {
  /** The Messages API version sent when the client sends none. */
  public static final String ANTHROPIC_VERSION = "2023-06-01";

  /** Anthropic OAuth access tokens, which go as Bearer rather than {@code x-api-key}. */
  static final String ANTHROPIC_OAUTH_PREFIX = "sk-ant-oat";

  /** Client credential headers dropped on the way upstream (unless passthrough). */
  static final List<String> CLIENT_CREDENTIALS =
      List.of("authorization", "x-api-key", "x-goog-api-key", "api-key");

  private ProviderAuth() {}

  /** The changes to make for {@code provider}'s auth. */
  public static UpstreamAuth forProvider(AiProvider provider) {
    Map<String, String> set = new HashMap<>();
    Map<String, String> ifAbsent = new HashMap<>();
    Map<String, String> query = new HashMap<>();
    if (provider.spec() instanceof AiProvider.Anthropic) {
      ifAbsent.put("anthropic-version", ANTHROPIC_VERSION);
    }
    BackendAuth auth = provider.auth();
    switch (auth) {
      case null -> {}
      case BackendAuth.Passthrough p -> {
        return new UpstreamAuth(List.of(), set, ifAbsent, query, false);
      }
      case BackendAuth.Aws a -> {
        return new UpstreamAuth(CLIENT_CREDENTIALS, set, ifAbsent, query, true);
      }
      case BackendAuth.Key k -> {
        String key = k.value().value();
        switch (k.location()) {
          case BackendAuth.Location.Header h ->
              set.put(h.name(), (h.prefix() == null ? "" : h.prefix()) + key);
          case BackendAuth.Location.QueryParameter q -> query.put(q.name(), key);
          case null -> providerPlace(provider.spec(), key, set);
        }
      }
    }
    return new UpstreamAuth(CLIENT_CREDENTIALS, set, ifAbsent, query, false);
  }

  private static void providerPlace(AiProvider.Spec spec, String key, Map<String, String> set) {
    switch (spec) {
      case AiProvider.Anthropic a -> {
        if (key.startsWith(ANTHROPIC_OAUTH_PREFIX)) {
          set.put("authorization", "Bearer " + key);
        } else {
          set.put("x-api-key", key);
        }
      }
      case AiProvider.Gemini g -> set.put("x-goog-api-key", key);
      case AiProvider.Azure az -> set.put("api-key", key);
      default -> set.put("authorization", "Bearer " + key);
    }
  }

  /**
   * The SigV4 signer for a provider whose auth is {@code aws}: the auth's region, else the Bedrock
   * provider's; the auth's service, else {@code bedrock}.
   *
   * @param env where implicit credentials come from (the process environment in production)
   * @throws IllegalStateException when the provider is not AWS-signed or has no credentials
   */
  public static SigV4Signer signer(AiProvider provider, Map<String, String> env) {
    if (!(provider.auth() instanceof BackendAuth.Aws aws)) {
      throw new IllegalStateException("provider " + provider.name() + " is not AWS-signed");
    }
    String region = aws.region();
    if (region == null && provider.spec() instanceof AiProvider.Bedrock b) {
      region = b.region();
    }
    if (region == null) {
      region = env.get("AWS_REGION");
    }
    if (region == null) {
      throw new IllegalStateException("provider " + provider.name() + " has no AWS region");
    }
    String service = aws.serviceName() == null ? "bedrock" : aws.serviceName();
    return new SigV4Signer(AwsCredentials.resolve(aws, env), region, service);
  }
}
