package dev.agentgateway.control.xds.tls;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * How the xDS port is protected, from the controller's environment.
 *
 * @param mode plaintext or TLS
 * @param namespace the controller's namespace, where the certificate Secret lives
 * @param secretName the certificate Secret
 * @param hosts the names proxies dial, put in signed serving certificates
 * @param leafLifetime lifetime of a signed serving certificate; it is replaced at half of it
 */
public record XdsTlsSettings(
    Mode mode, String namespace, String secretName, List<String> hosts, Duration leafLifetime) {

  /** The Secret holding the CA or the serving certificate. */
  public static final String SECRET_NAME = "agentgateway-xds-cert";

  /** Lifetime of a signed serving certificate, as upstream. */
  public static final Duration DEFAULT_LEAF_LIFETIME = Duration.ofHours(24);

  /** Transport of the xDS port. */
  public enum Mode {
    /** No TLS. */
    PLAINTEXT,
    /** Server-side TLS with the certificate from {@link #SECRET_NAME}. */
    TLS
  }

  /** Validates and copies. */
  public XdsTlsSettings {
    Objects.requireNonNull(mode, "mode");
    Objects.requireNonNull(namespace, "namespace");
    Objects.requireNonNull(secretName, "secretName");
    hosts = List.copyOf(hosts);
    if (hosts.isEmpty()) {
      throw new IllegalArgumentException("xDS TLS needs at least one host name");
    }
    if (leafLifetime.isNegative() || leafLifetime.toSeconds() < 2) {
      throw new IllegalArgumentException(
          "xDS serving certificate lifetime must be at least 2 s: " + leafLifetime);
    }
  }

  /**
   * Reads {@code AGW_XDS_MODE} ({@code plaintext}, the default, or {@code tls}), {@code
   * POD_NAMESPACE} (default {@code agentgateway-system}), {@code AGW_XDS_SERVICE_NAME} (default
   * {@code agentgateway}), {@code AGW_XDS_SERVICE_HOST} and {@code AGW_ADDITIONAL_XDS_TLS_HOSTS}
   * (comma-separated). Without a service host the names are {@code <service>.<namespace>.svc} and
   * {@code <service>.<namespace>.svc.cluster.local}.
   *
   * @throws IllegalArgumentException naming the variable at fault
   */
  public static XdsTlsSettings fromEnv(Map<String, String> env) {
    String rawMode = env.getOrDefault("AGW_XDS_MODE", "").trim();
    Mode mode =
        switch (rawMode.toLowerCase(Locale.ROOT)) {
          case "", "plaintext" -> Mode.PLAINTEXT;
          case "tls" -> Mode.TLS;
          default ->
              throw new IllegalArgumentException(
                  "AGW_XDS_MODE " + rawMode + ": expected plaintext or tls");
        };
    String namespace = orDefault(env, "POD_NAMESPACE", "agentgateway-system");
    String service = orDefault(env, "AGW_XDS_SERVICE_NAME", "agentgateway");
    Set<String> hosts = new LinkedHashSet<>();
    String serviceHost = env.getOrDefault("AGW_XDS_SERVICE_HOST", "").trim();
    if (serviceHost.isEmpty()) {
      hosts.add(service + "." + namespace + ".svc");
      hosts.add(service + "." + namespace + ".svc.cluster.local");
    } else {
      hosts.add(host("AGW_XDS_SERVICE_HOST", serviceHost));
    }
    for (String extra : env.getOrDefault("AGW_ADDITIONAL_XDS_TLS_HOSTS", "").split(",")) {
      if (!extra.isBlank()) {
        hosts.add(host("AGW_ADDITIONAL_XDS_TLS_HOSTS", extra.trim()));
      }
    }
    return new XdsTlsSettings(
        mode, namespace, SECRET_NAME, List.copyOf(hosts), DEFAULT_LEAF_LIFETIME);
  }

  /** These settings with serving certificates living {@code lifetime} (tests use seconds). */
  public XdsTlsSettings withLeafLifetime(Duration lifetime) {
    return new XdsTlsSettings(mode, namespace, secretName, hosts, lifetime);
  }

  private static String host(String variable, String host) {
    if (!host.matches("[A-Za-z0-9.:*-]+")) {
      throw new IllegalArgumentException(variable + " " + host + ": not a host name or IP address");
    }
    return host;
  }

  private static String orDefault(Map<String, String> env, String name, String fallback) {
    String value = env.get(name);
    return value == null || value.isBlank() ? fallback : value.trim();
  }
}
