package dev.agentgateway.control.deploy;

import dev.agentgateway.crds.parameters.AgentgatewayParametersSpec;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

/**
 * The proxy's session key: 32 random bytes, hex-encoded, kept in the Secret {@code
 * <gw>-session-key} under {@code key} and given to the proxy as {@code SESSION_KEY}. Generated once
 * and then read back, so restarts and re-reconciles keep sessions valid. Never logged.
 */
final class SessionKey {
  static final String ENV = "SESSION_KEY";
  static final String DATA_KEY = "key";
  static final String CHECKSUM = "checksum/session-key";
  private static final int BYTES = 32;

  private SessionKey() {}

  /** Whether the proxy needs a generated key: not when the user's env sets {@code SESSION_KEY}. */
  static boolean wanted(AgentgatewayParametersSpec spec) {
    return spec.env() == null || spec.env().stream().noneMatch(e -> ENV.equals(e.name()));
  }

  /**
   * The key of the Gateway's Secret (from the informer cache, else the API server, for a Secret
   * made before we watched it), or a new one when there is none.
   */
  static String existingOrNew(Gateway gateway, Context<Gateway> context, SecureRandom random) {
    String namespace = gateway.getMetadata().getNamespace();
    String name = ResourceNames.sessionKey(gateway.getMetadata().getName());
    Secret secret =
        context.getSecondaryResources(Secret.class).stream()
            .filter(s -> name.equals(s.getMetadata().getName()))
            .findFirst()
            .orElseGet(
                () -> context.getClient().secrets().inNamespace(namespace).withName(name).get());
    String key = of(secret);
    return key != null ? key : generate(random);
  }

  /** A new key: 64 hex digits. */
  static String generate(SecureRandom random) {
    byte[] bytes = new byte[BYTES];
    random.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }

  /** The key {@code secret} holds, or null when it holds none. */
  static String of(Secret secret) {
    if (secret == null || secret.getData() == null) {
      return null;
    }
    String encoded = secret.getData().get(DATA_KEY);
    if (encoded == null || encoded.isEmpty()) {
      return null;
    }
    try {
      return new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      // Not base64: treat as absent and let a new key replace it.
      return null;
    }
  }

  /** The Secret holding {@code key}. */
  static Secret secret(ObjectMeta meta, String key) {
    return new SecretBuilder()
        .withMetadata(meta)
        .withType("Opaque")
        // data, not stringData: the API server stores data, so desired and actual compare equal
        .withData(
            Map.of(
                DATA_KEY, Base64.getEncoder().encodeToString(key.getBytes(StandardCharsets.UTF_8))))
        .build();
  }

  /** The rollout annotation value: a digest, so the key itself never lands in pod metadata. */
  static String checksum(String key) {
    return ResourceNames.sha256Hex(key);
  }
}
