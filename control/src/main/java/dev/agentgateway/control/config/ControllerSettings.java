package dev.agentgateway.control.config;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The controller's settings. Every field has the upstream agentgateway environment name, so a Helm
 * values file or Deployment written for upstream configures this controller the same way.
 *
 * @param controllerName {@code AGW_CONTROLLER_NAME}, the GatewayClass controllerName we own
 * @param gatewayClassName {@code AGW_AGENTGATEWAY_CLASS_NAME}, the GatewayClass created at start
 * @param gatewayClassParametersRefs {@code AGW_GATEWAY_CLASS_PARAMETERS_REFS}, per class the
 *     AgentgatewayParameters it points at
 * @param namespace {@code POD_NAMESPACE}, where the controller runs (xDS Secret, Lease)
 * @param xdsServiceName {@code AGW_XDS_SERVICE_NAME}, the controller Service proxies dial
 * @param xdsServiceHost {@code AGW_XDS_SERVICE_HOST}, overrides the Service DNS name when set
 * @param xdsPort {@code AGW_AGENTGATEWAY_XDS_SERVICE_PORT}
 * @param discoveryNamespaceSelectors {@code AGW_DISCOVERY_NAMESPACE_SELECTORS}: namespaced objects
 *     are watched only in namespaces matching one of these (all when empty)
 * @param proxyImage the proxy image: {@code AGW_PROXY_IMAGE_REGISTRY}, {@code
 *     AGW_PROXY_IMAGE_REPOSITORY}, {@code AGW_PROXY_IMAGE_TAG}
 * @param leaderElection false when {@code AGW_DISABLE_LEADER_ELECTION=true}
 * @param noListenersDummyPort {@code AGW_NO_LISTENERS_DUMMY_PORT}: the Service port of a Gateway
 *     without listeners (a Service needs one)
 * @param healthPort the health endpoint port (9093)
 * @param metricsPort the metrics endpoint port (9092)
 * @param mcpStdioEnabled {@code AGW_MCP_STDIO_ENABLED} (ours, default false): whether
 *     AgentgatewayBackends may run MCP servers as processes inside proxy pods
 */
public record ControllerSettings(
    String controllerName,
    String gatewayClassName,
    Map<String, ParametersRef> gatewayClassParametersRefs,
    String namespace,
    String xdsServiceName,
    String xdsServiceHost,
    int xdsPort,
    List<LabelSelector> discoveryNamespaceSelectors,
    String proxyImage,
    boolean leaderElection,
    int noListenersDummyPort,
    int healthPort,
    int metricsPort,
    boolean mcpStdioEnabled) {

  /** The upstream defaults. */
  public static final String DEFAULT_CONTROLLER_NAME = "agentgateway.dev/agentgateway";

  /** A GatewayClass parametersRef: an AgentgatewayParameters by name and namespace. */
  public record ParametersRef(String name, String namespace, String group, String kind) {
    public ParametersRef {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(namespace, "namespace");
      group = group == null || group.isEmpty() ? "agentgateway.dev" : group;
      kind = kind == null || kind.isEmpty() ? "AgentgatewayParameters" : kind;
    }
  }

  public ControllerSettings {
    gatewayClassParametersRefs = Map.copyOf(gatewayClassParametersRefs);
    discoveryNamespaceSelectors = List.copyOf(discoveryNamespaceSelectors);
  }

  /** These settings on other ports (0 = any free one): for tests and benches on one machine. */
  public ControllerSettings withPorts(int xds, int health, int metrics) {
    return new ControllerSettings(
        controllerName,
        gatewayClassName,
        gatewayClassParametersRefs,
        namespace,
        xdsServiceName,
        xdsServiceHost,
        xds,
        discoveryNamespaceSelectors,
        proxyImage,
        leaderElection,
        noListenersDummyPort,
        health,
        metrics,
        mcpStdioEnabled);
  }

  /** These settings with leader election on or off. */
  public ControllerSettings withLeaderElection(boolean on) {
    return new ControllerSettings(
        controllerName,
        gatewayClassName,
        gatewayClassParametersRefs,
        namespace,
        xdsServiceName,
        xdsServiceHost,
        xdsPort,
        discoveryNamespaceSelectors,
        proxyImage,
        on,
        noListenersDummyPort,
        healthPort,
        metricsPort,
        mcpStdioEnabled);
  }

  /** The address proxies dial: {@code http(s)://<host>:<port>}. */
  public String xdsAddress(boolean tls) {
    String host =
        xdsServiceHost != null && !xdsServiceHost.isEmpty()
            ? xdsServiceHost
            : xdsServiceName + "." + namespace + ".svc.cluster.local";
    return (tls ? "https://" : "http://") + host + ":" + xdsPort;
  }

  /**
   * Reads the settings from {@code env}.
   *
   * @throws IllegalArgumentException naming the variable and what is wrong with its value
   */
  public static ControllerSettings fromEnv(Map<String, String> env) {
    Env e = new Env(env);
    String registry = e.string("AGW_PROXY_IMAGE_REGISTRY", "cr.agentgateway.dev");
    String repository = e.string("AGW_PROXY_IMAGE_REPOSITORY", "agentgateway");
    String tag = e.string("AGW_PROXY_IMAGE_TAG", Version.current());
    return new ControllerSettings(
        e.string("AGW_CONTROLLER_NAME", DEFAULT_CONTROLLER_NAME),
        e.string("AGW_AGENTGATEWAY_CLASS_NAME", "agentgateway"),
        e.json(
            "AGW_GATEWAY_CLASS_PARAMETERS_REFS",
            new TypeReference<Map<String, ParametersRef>>() {},
            Map.of()),
        e.string("POD_NAMESPACE", "agentgateway-system"),
        e.string("AGW_XDS_SERVICE_NAME", "agentgateway"),
        e.string("AGW_XDS_SERVICE_HOST", ""),
        e.port("AGW_AGENTGATEWAY_XDS_SERVICE_PORT", 9978),
        e.json(
            "AGW_DISCOVERY_NAMESPACE_SELECTORS",
            new TypeReference<List<LabelSelector>>() {},
            List.of()),
        (registry.isEmpty() ? "" : registry + "/") + repository + ":" + tag,
        !e.bool("AGW_DISABLE_LEADER_ELECTION", false),
        e.port("AGW_NO_LISTENERS_DUMMY_PORT", 443),
        e.port("AGW_HEALTH_PORT", 9093),
        e.port("AGW_METRICS_PORT", 9092),
        e.bool("AGW_MCP_STDIO_ENABLED", false));
  }

  /** Typed reads of environment variables with errors that name the variable. */
  private record Env(Map<String, String> env) {
    private static final ObjectMapper JSON = new ObjectMapper();

    String string(String name, String fallback) {
      String v = env.get(name);
      return v == null || v.isBlank() ? fallback : v.trim();
    }

    boolean bool(String name, boolean fallback) {
      String v = string(name, null);
      if (v == null) {
        return fallback;
      }
      return switch (v.toLowerCase(java.util.Locale.ROOT)) {
        case "true" -> true;
        case "false" -> false;
        default -> throw new IllegalArgumentException(name + "=" + v + ": expected true or false");
      };
    }

    int port(String name, int fallback) {
      String v = string(name, null);
      if (v == null) {
        return fallback;
      }
      try {
        int port = Integer.parseInt(v);
        if (port >= 1 && port <= 65535) {
          return port;
        }
      } catch (NumberFormatException ignored) {
        // reported below
      }
      throw new IllegalArgumentException(name + "=" + v + ": expected a port 1..65535");
    }

    <T> T json(String name, TypeReference<T> type, T fallback) {
      String v = string(name, null);
      if (v == null) {
        return fallback;
      }
      try {
        T value = JSON.readValue(v, type);
        return value == null ? fallback : value;
      } catch (Exception ex) {
        throw new IllegalArgumentException(
            name + ": not valid JSON for this setting: " + firstLine(ex.getMessage()));
      }
    }

    private static String firstLine(String s) {
      if (s == null) {
        return "";
      }
      int nl = s.indexOf('\n');
      return nl < 0 ? s : s.substring(0, nl);
    }
  }
}
