package dev.agentgateway.control.deploy;

import dev.agentgateway.crds.parameters.AgentgatewayParametersSpec;
import dev.agentgateway.crds.parameters.EnvVar;
import dev.agentgateway.crds.parameters.Istio;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.EnvVarSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The proxy container's environment: upstream's defaults, then the user's variables. A user
 * variable with a default's name suppresses that default, so parameters can override anything.
 */
final class ProxyEnv {
  static final String XDS_CA_PATH = "/etc/xds-tls/ca.crt";
  static final long DEFAULT_SHUTDOWN_MAX = 60;
  static final long DEFAULT_SHUTDOWN_MIN = 10;
  static final String DEFAULT_ISTIO_CA = "https://istiod.istio-system.svc:15012";

  private ProxyEnv() {}

  /**
   * @param sessionKeySecret the Secret whose {@code key} becomes {@code SESSION_KEY}, or null
   */
  static List<io.fabric8.kubernetes.api.model.EnvVar> of(
      String gatewayName,
      AgentgatewayParametersSpec spec,
      String xdsAddress,
      boolean xdsTls,
      String sessionKeySecret) {
    Map<String, io.fabric8.kubernetes.api.model.EnvVar> defaults = new LinkedHashMap<>();
    value(defaults, "XDS_ADDRESS", xdsAddress);
    if (xdsTls) {
      value(defaults, "XDS_ROOT_CA", XDS_CA_PATH);
    }
    value(defaults, "GATEWAY", gatewayName);
    field(defaults, "NAMESPACE", "metadata.namespace");
    field(defaults, "POD_NAME", "metadata.name");
    field(defaults, "POD_NAMESPACE", "metadata.namespace");
    field(defaults, "INSTANCE_IP", "status.podIP");
    field(defaults, "NODE_NAME", "spec.nodeName");
    field(defaults, "SERVICE_ACCOUNT", "spec.serviceAccountName");
    String level = spec.logging() == null ? null : spec.logging().level();
    value(defaults, "RUST_LOG", level == null || level.isBlank() ? "info" : level);
    value(defaults, "TERMINATION_GRACE_PERIOD_SECONDS", Long.toString(shutdownMax(spec)));
    value(defaults, "CONNECTION_MIN_TERMINATION_DEADLINE", shutdownMin(spec) + "s");
    if (sessionKeySecret != null) {
      defaults.put(
          SessionKey.ENV,
          new EnvVarBuilder()
              .withName(SessionKey.ENV)
              .withNewValueFrom()
              .withNewSecretKeyRef()
              .withName(sessionKeySecret)
              .withKey(SessionKey.DATA_KEY)
              .endSecretKeyRef()
              .endValueFrom()
              .build());
    }
    if (istioEnabled(spec)) {
      Istio istio = spec.istio();
      value(defaults, "CA_ADDRESS", orElse(istio.caAddress(), DEFAULT_ISTIO_CA));
      value(defaults, "TRUST_DOMAIN", orElse(istio.trustDomain(), "cluster.local"));
      if (istio.additionalTrustDomains() != null && !istio.additionalTrustDomains().isEmpty()) {
        value(
            defaults, "ADDITIONAL_TRUST_DOMAINS", String.join(",", istio.additionalTrustDomains()));
      }
      if (istio.clusterId() != null) {
        value(defaults, "CLUSTER_ID", istio.clusterId());
      }
      if (istio.network() != null) {
        value(defaults, "NETWORK", istio.network());
      }
    }
    List<EnvVar> user = spec.env() == null ? List.of() : spec.env();
    user.forEach(e -> defaults.remove(e.name()));
    List<io.fabric8.kubernetes.api.model.EnvVar> env = new ArrayList<>(defaults.values());
    for (EnvVar e : user) {
      env.add(
          new EnvVarBuilder()
              .withName(e.name())
              .withValue(e.value())
              .withValueFrom(
                  e.valueFrom() == null
                      ? null
                      : ProxyResources.convert(e.valueFrom(), EnvVarSource.class))
              .build());
    }
    return env;
  }

  /** {@code shutdown.max} seconds, 60 when unset: also the pod's grace period. */
  static long shutdownMax(AgentgatewayParametersSpec spec) {
    return spec.shutdown() == null || spec.shutdown().max() == null
        ? DEFAULT_SHUTDOWN_MAX
        : spec.shutdown().max();
  }

  static long shutdownMin(AgentgatewayParametersSpec spec) {
    return spec.shutdown() == null || spec.shutdown().min() == null
        ? DEFAULT_SHUTDOWN_MIN
        : spec.shutdown().min();
  }

  /** An explicit {@code istio.enabled} wins; otherwise an {@code istio} section opts in. */
  static boolean istioEnabled(AgentgatewayParametersSpec spec) {
    Istio istio = spec.istio();
    return istio != null && (istio.enabled() == null || istio.enabled());
  }

  private static String orElse(String value, String fallback) {
    return value == null || value.isEmpty() ? fallback : value;
  }

  private static void value(
      Map<String, io.fabric8.kubernetes.api.model.EnvVar> env, String name, String value) {
    env.put(name, new EnvVarBuilder().withName(name).withValue(value).build());
  }

  private static void field(
      Map<String, io.fabric8.kubernetes.api.model.EnvVar> env, String name, String path) {
    env.put(
        name,
        new EnvVarBuilder()
            .withName(name)
            .withNewValueFrom()
            .withNewFieldRef()
            .withApiVersion("v1")
            .withFieldPath(path)
            .endFieldRef()
            .endValueFrom()
            .build());
  }
}
