package dev.agentgateway.control.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.agentgateway.control.config.ControllerSettings;
import dev.agentgateway.crds.parameters.AgentgatewayParametersSpec;
import dev.agentgateway.crds.parameters.WorkloadKind;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayInfrastructure;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewaySpecAddress;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Pure builders of the objects a Gateway's proxy runs on: Deployment or DaemonSet, Service,
 * ServiceAccount, config ConfigMap, and when wanted the xDS CA ConfigMap, session key Secret,
 * PodDisruptionBudget and HorizontalPodAutoscaler; all named after the Gateway, labelled, in its
 * namespace, with the parameters' overlays applied. Owner references are JOSDK's to set.
 */
public final class ProxyResources {
  static final String GATEWAY_NAME_LABEL = "gateway.networking.k8s.io/gateway-name";
  static final String GATEWAY_CLASS_LABEL = "gateway.networking.k8s.io/gateway-class-name";
  static final String MANAGED_BY_LABEL = "app.kubernetes.io/managed-by";
  static final String MANAGED_BY = "agentgateway";

  /** Selects what this controller generated, for the dependents' informers. */
  public static final String MANAGED_SELECTOR = MANAGED_BY_LABEL + "=" + MANAGED_BY;

  /** The Gateway annotation listing ports served in-process only (no Service port). */
  static final String INTERNAL_PORTS = "agentgateway.dev/internal-ports";

  static final String CONFIG_KEY = "config.yaml";
  static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper YAML =
      new ObjectMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .build());

  private ProxyResources() {}

  /** Builds every object for {@code gateway} without a session key Secret. */
  public static ProxyPlan build(
      Gateway gateway, MergedParameters params, ControllerSettings settings, String xdsCaPem) {
    return build(gateway, params, settings, xdsCaPem, null);
  }

  /**
   * Builds every object for {@code gateway}.
   *
   * @param xdsCaPem the CA proxies must trust for xDS TLS, or null when xDS is plaintext
   * @param sessionKey the proxy's session key (see {@link SessionKey}), or null for no Secret
   */
  public static ProxyPlan build(
      Gateway gateway,
      MergedParameters params,
      ControllerSettings settings,
      String xdsCaPem,
      String sessionKey) {
    String gatewayName = gateway.getMetadata().getName();
    String name = ResourceNames.fit(gatewayName);
    String configYaml = configYaml(params.spec());
    ConfigMap config =
        new ConfigMapBuilder()
            .withMetadata(meta(gateway, name))
            .withData(Map.of(CONFIG_KEY, configYaml))
            .build();
    ConfigMap xdsCa =
        xdsCaPem == null
            ? null
            : new ConfigMapBuilder()
                .withMetadata(meta(gateway, ResourceNames.xdsCa(gatewayName)))
                .withData(Map.of("ca.crt", xdsCaPem))
                .build();
    Secret sessionKeySecret =
        sessionKey == null
            ? null
            : SessionKey.secret(meta(gateway, ResourceNames.sessionKey(gatewayName)), sessionKey);
    Map<String, String> checksums = new LinkedHashMap<>();
    checksums.put(ProxyPod.CHECKSUM_CONFIG, ResourceNames.sha256Hex(configYaml));
    if (xdsCaPem != null) {
      checksums.put(ProxyPod.CHECKSUM_XDS_CA, ResourceNames.sha256Hex(xdsCaPem));
    }
    if (sessionKey != null) {
      checksums.put(SessionKey.CHECKSUM, SessionKey.checksum(sessionKey));
    }
    PodTemplateSpec template =
        ProxyPod.template(
            gateway,
            name,
            params.spec(),
            settings,
            listenerPorts(gateway),
            xdsCaPem != null,
            checksums,
            sessionKeySecret == null ? null : sessionKeySecret.getMetadata().getName());
    boolean daemonSet =
        params.spec().workload() != null
            && params.spec().workload().kind() == WorkloadKind.DAEMON_SET;
    Deployment deployment =
        daemonSet
            ? null
            : ProxyWorkload.deployment(meta(gateway, name), selector(gateway), template);
    DaemonSet daemons =
        daemonSet
            ? ProxyWorkload.daemonSet(meta(gateway, name), selector(gateway), template)
            : null;
    Service service = service(gateway, name, settings);
    ServiceAccount account =
        new ServiceAccountBuilder()
            .withMetadata(meta(gateway, name))
            .withAutomountServiceAccountToken(false)
            .build();
    PodDisruptionBudget budget =
        params.layers().stream().anyMatch(l -> l.podDisruptionBudget() != null)
            ? ProxyWorkload.podDisruptionBudget(meta(gateway, name), selector(gateway))
            : null;
    // The CRD forbids an autoscaler with a DaemonSet; should one slip through, it is dropped.
    HorizontalPodAutoscaler autoscaler =
        !daemonSet && params.layers().stream().anyMatch(l -> l.horizontalPodAutoscaler() != null)
            ? ProxyWorkload.autoscaler(meta(gateway, name), name)
            : null;
    for (AgentgatewayParametersSpec layer : params.layers()) {
      if (deployment != null) {
        deployment = Overlays.apply(deployment, layer.deployment(), Deployment.class);
      } else {
        daemons = Overlays.apply(daemons, layer.daemonSet(), DaemonSet.class);
      }
      service = Overlays.apply(service, layer.service(), Service.class);
      account = Overlays.apply(account, layer.serviceAccount(), ServiceAccount.class);
      if (budget != null) {
        budget = Overlays.apply(budget, layer.podDisruptionBudget(), PodDisruptionBudget.class);
      }
      if (autoscaler != null) {
        autoscaler =
            Overlays.apply(
                autoscaler, layer.horizontalPodAutoscaler(), HorizontalPodAutoscaler.class);
      }
    }
    return new ProxyPlan(
        deployment, daemons, service, account, config, xdsCa, sessionKeySecret, budget, autoscaler);
  }

  /** Labels every generated object carries; the first one also selects the proxy pods. */
  static Map<String, String> labels(Gateway gateway) {
    Map<String, String> labels = new LinkedHashMap<>();
    GatewayInfrastructure infra =
        gateway.getSpec() == null ? null : gateway.getSpec().getInfrastructure();
    if (infra != null && infra.getLabels() != null) {
      labels.putAll(infra.getLabels());
    }
    labels.put(GATEWAY_NAME_LABEL, ResourceNames.fit(gateway.getMetadata().getName()));
    labels.put(GATEWAY_CLASS_LABEL, ResourceNames.fit(gateway.getSpec().getGatewayClassName()));
    labels.put(MANAGED_BY_LABEL, MANAGED_BY);
    return labels;
  }

  /** The pod selector: the Gateway's name label only, so it never changes after creation. */
  static Map<String, String> selector(Gateway gateway) {
    return Map.of(GATEWAY_NAME_LABEL, ResourceNames.fit(gateway.getMetadata().getName()));
  }

  private static ObjectMeta meta(Gateway gateway, String name) {
    GatewayInfrastructure infra =
        gateway.getSpec() == null ? null : gateway.getSpec().getInfrastructure();
    Map<String, String> annotations =
        infra == null || infra.getAnnotations() == null ? Map.of() : infra.getAnnotations();
    return new ObjectMetaBuilder()
        .withName(name)
        .withNamespace(gateway.getMetadata().getNamespace())
        .withLabels(labels(gateway))
        .withAnnotations(new LinkedHashMap<>(annotations))
        .build();
  }

  /** The listener ports that get a socket, ascending; internal ports are left out. */
  static Set<Integer> listenerPorts(Gateway gateway) {
    Set<Integer> internal = internalPorts(gateway);
    Set<Integer> ports = new TreeSet<>();
    List<Listener> listeners = gateway.getSpec().getListeners();
    if (listeners != null) {
      for (Listener l : listeners) {
        if (l.getPort() != null && !internal.contains(l.getPort())) {
          ports.add(l.getPort());
        }
      }
    }
    return ports;
  }

  private static Set<Integer> internalPorts(Gateway gateway) {
    Map<String, String> annotations = gateway.getMetadata().getAnnotations();
    String value = annotations == null ? null : annotations.get(INTERNAL_PORTS);
    Set<Integer> ports = new TreeSet<>();
    if (value == null) {
      return ports;
    }
    for (String part : value.split(",")) {
      try {
        ports.add(Integer.parseInt(part.trim()));
      } catch (NumberFormatException ignored) {
        // an invalid annotation is the translator's to report; provisioning keeps the port
      }
    }
    return ports;
  }

  private static Service service(Gateway gateway, String name, ControllerSettings settings) {
    Set<Integer> ports = listenerPorts(gateway);
    if (ports.isEmpty()) {
      // A Service needs a port; upstream exposes a placeholder until listeners exist.
      ports = Set.of(settings.noListenersDummyPort());
    }
    List<ServicePort> servicePorts =
        ports.stream()
            .map(
                p ->
                    new ServicePortBuilder()
                        .withName("listener-" + p)
                        .withProtocol("TCP")
                        .withPort(p)
                        .withNewTargetPort(p)
                        .build())
            .toList();
    return new ServiceBuilder()
        .withMetadata(meta(gateway, name))
        .withNewSpec()
        .withType("LoadBalancer")
        .withSelector(selector(gateway))
        .withPorts(servicePorts)
        .withLoadBalancerIP(requestedIp(gateway))
        .endSpec()
        .build();
  }

  private static String requestedIp(Gateway gateway) {
    List<GatewaySpecAddress> addresses = gateway.getSpec().getAddresses();
    if (addresses == null) {
      return null;
    }
    return addresses.stream()
        .filter(a -> a.getType() == null || "IPAddress".equals(a.getType()))
        .map(GatewaySpecAddress::getValue)
        .findFirst()
        .orElse(null);
  }

  /** {@code config.yaml}: rawConfig with the typed settings merged over it. */
  static String configYaml(AgentgatewayParametersSpec spec) {
    JsonNode raw = spec.rawConfig();
    ObjectNode typed = JsonNodeFactory.instance.objectNode();
    if (spec.logging() != null && spec.logging().format() != null) {
      typed
          .putObject("config")
          .putObject("logging")
          .put("format", spec.logging().format().name().toLowerCase(java.util.Locale.ROOT));
    }
    JsonNode merged = raw == null || !raw.isObject() ? typed : JsonMerge.deepMerge(raw, typed);
    if (!merged.has("config")) {
      ((ObjectNode) merged).putObject("config");
    }
    try {
      return YAML.writeValueAsString(merged);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Converts between the CRD records and fabric8 model types with the same JSON shape. */
  static <T> T convert(Object value, Class<T> type) {
    return JSON.convertValue(value, type);
  }
}
