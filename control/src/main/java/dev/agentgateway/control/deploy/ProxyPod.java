package dev.agentgateway.control.deploy;

import dev.agentgateway.control.config.ControllerSettings;
import dev.agentgateway.crds.parameters.AgentgatewayParametersSpec;
import dev.agentgateway.crds.parameters.Image;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.ContainerPortBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.ProbeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.VolumeMountBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The proxy pod template, shared by the Deployment and the DaemonSet: one {@code agentgateway}
 * container, locked down, probed on 15021.
 */
final class ProxyPod {
  static final String CONTAINER = "agentgateway";

  /**
   * The launcher inside the proxy image: the repository's {@code bin/agentgateway} installed under
   * {@code /app}, which runs the proxy jar with the JVM options the image's JDK needs.
   */
  static final String LAUNCHER = "/app/bin/agentgateway";

  static final String CONFIG_PATH = "/config/config.yaml";
  static final String TOKEN_DIR = "/var/run/secrets/xds-tokens";
  static final String TOKEN_AUDIENCE = "agentgateway";
  static final long TOKEN_EXPIRY_SECONDS = 43200;
  static final long PROXY_UID = 10101;
  static final int METRICS_PORT = 15020;
  static final int READINESS_PORT = 15021;
  static final String CHECKSUM_CONFIG = "checksum/config";
  static final String CHECKSUM_XDS_CA = "checksum/xds-ca";

  private ProxyPod() {}

  /**
   * @param checksums pod annotations whose change rolls the pods ({@code checksum/config}, ...)
   * @param sessionKeySecret the Secret holding the session key, or null for none
   */
  static PodTemplateSpec template(
      Gateway gateway,
      String name,
      AgentgatewayParametersSpec spec,
      ControllerSettings settings,
      Set<Integer> listenerPorts,
      boolean tls,
      Map<String, String> checksums,
      String sessionKeySecret) {
    Map<String, String> podLabels = new LinkedHashMap<>(ProxyResources.labels(gateway));
    if (ProxyEnv.istioEnabled(spec)) {
      // The proxy does its own mesh mTLS: no sidecar, not captured by ambient.
      podLabels.put("sidecar.istio.io/inject", "false");
      podLabels.put("istio.io/dataplane-mode", "none");
    }
    Map<String, String> podAnnotations = new LinkedHashMap<>();
    podAnnotations.put("prometheus.io/scrape", "true");
    podAnnotations.put("prometheus.io/port", Integer.toString(METRICS_PORT));
    podAnnotations.put("prometheus.io/path", "/metrics");
    podAnnotations.putAll(checksums);
    long grace = ProxyEnv.shutdownMax(spec);
    return new PodTemplateSpecBuilder()
        .withNewMetadata()
        .withLabels(podLabels)
        .withAnnotations(podAnnotations)
        .endMetadata()
        .withNewSpec()
        .withServiceAccountName(name)
        .withTerminationGracePeriodSeconds(grace)
        .withNewSecurityContext()
        .addNewSysctl()
        // lets the non-root proxy bind listener ports below 1024
        .withName("net.ipv4.ip_unprivileged_port_start")
        .withValue("0")
        .endSysctl()
        .endSecurityContext()
        .withContainers(
            container(gateway, name, spec, settings, listenerPorts, tls, sessionKeySecret))
        .withVolumes(volumes(gateway, name, tls, ProxyEnv.istioEnabled(spec)))
        .endSpec()
        .build();
  }

  private static Container container(
      Gateway gateway,
      String name,
      AgentgatewayParametersSpec spec,
      ControllerSettings settings,
      Set<Integer> listenerPorts,
      boolean tls,
      String sessionKeySecret) {
    List<ContainerPort> ports = new ArrayList<>();
    for (int p : listenerPorts) {
      ports.add(new ContainerPortBuilder().withContainerPort(p).withProtocol("TCP").build());
    }
    ports.add(port("metrics", METRICS_PORT));
    ports.add(port("readiness", READINESS_PORT));
    List<VolumeMount> mounts = new ArrayList<>();
    mounts.add(mount("config", "/config", true));
    mounts.add(mount("tmp", "/tmp", false));
    mounts.add(mount("xds-token", TOKEN_DIR, true));
    if (tls) {
      mounts.add(mount("xds-ca", "/etc/xds-tls", true));
    }
    if (ProxyEnv.istioEnabled(spec)) {
      mounts.add(mount("istio-ca-root-cert", "/var/run/secrets/istio", true));
      mounts.add(mount("istio-token", "/var/run/secrets/tokens", true));
    }
    return new ContainerBuilder()
        .withName(CONTAINER)
        .withImage(image(spec.image(), settings.proxyImage()))
        .withImagePullPolicy(spec.image() == null ? null : spec.image().pullPolicy())
        .withCommand(LAUNCHER)
        .withArgs("-f", CONFIG_PATH)
        .withEnv(
            ProxyEnv.of(
                gateway.getMetadata().getName(),
                spec,
                settings.xdsAddress(tls),
                tls,
                sessionKeySecret))
        .withPorts(ports)
        .withReadinessProbe(readiness(10, 3))
        .withStartupProbe(readiness(1, 60))
        .withResources(resources(spec))
        .withNewSecurityContext()
        .withRunAsUser(PROXY_UID)
        .withRunAsGroup(PROXY_UID)
        .withRunAsNonRoot(true)
        .withReadOnlyRootFilesystem(true)
        .withAllowPrivilegeEscalation(false)
        .withNewCapabilities()
        .withDrop("ALL")
        .endCapabilities()
        .endSecurityContext()
        .withVolumeMounts(mounts)
        .build();
  }

  /**
   * The image reference: the parameters' registry, repository, tag and digest, each falling back to
   * the controller's default proxy image ({@code registry/repository:tag}).
   */
  static String image(Image image, String defaultImage) {
    String[] parts = splitImage(defaultImage);
    String registry = parts[0];
    String repository = parts[1];
    String tag = parts[2];
    String digest = null;
    if (image != null) {
      registry = image.registry() != null ? image.registry() : registry;
      repository = image.repository() != null ? image.repository() : repository;
      tag = image.tag() != null ? image.tag() : tag;
      digest = image.digest();
    }
    StringBuilder ref = new StringBuilder();
    if (registry != null && !registry.isEmpty()) {
      ref.append(registry).append('/');
    }
    ref.append(repository);
    if (digest != null && !digest.isEmpty()) {
      ref.append('@').append(digest);
    } else if (tag != null && !tag.isEmpty()) {
      ref.append(':').append(tag);
    }
    return ref.toString();
  }

  /** {registry or null, repository, tag or null} of a {@code [registry/]repository[:tag]}. */
  static String[] splitImage(String image) {
    String rest = image;
    String registry = null;
    int slash = rest.indexOf('/');
    if (slash > 0) {
      String first = rest.substring(0, slash);
      if (first.contains(".") || first.contains(":") || first.equals("localhost")) {
        registry = first;
        rest = rest.substring(slash + 1);
      }
    }
    String tag = null;
    int colon = rest.lastIndexOf(':');
    if (colon > rest.lastIndexOf('/')) {
      tag = rest.substring(colon + 1);
      rest = rest.substring(0, colon);
    }
    return new String[] {registry, rest, tag};
  }

  /** Requests default to 100m CPU and 128Mi memory; the parameters' resources go over them. */
  static ResourceRequirements resources(AgentgatewayParametersSpec spec) {
    Map<String, Quantity> requests = new LinkedHashMap<>();
    requests.put("cpu", new Quantity("100m"));
    requests.put("memory", new Quantity("128Mi"));
    ResourceRequirements user =
        spec.resources() == null
            ? new ResourceRequirements()
            : ProxyResources.convert(spec.resources(), ResourceRequirements.class);
    if (user.getRequests() != null) {
      requests.putAll(user.getRequests());
    }
    user.setRequests(requests);
    return user;
  }

  private static Probe readiness(int periodSeconds, int failureThreshold) {
    return new ProbeBuilder()
        .withNewHttpGet()
        .withPath("/healthz/ready")
        .withNewPort(READINESS_PORT)
        .endHttpGet()
        .withPeriodSeconds(periodSeconds)
        .withFailureThreshold(failureThreshold)
        .build();
  }

  private static ContainerPort port(String name, int port) {
    return new ContainerPortBuilder()
        .withName(name)
        .withContainerPort(port)
        .withProtocol("TCP")
        .build();
  }

  private static VolumeMount mount(String volume, String path, boolean readOnly) {
    return new VolumeMountBuilder()
        .withName(volume)
        .withMountPath(path)
        .withReadOnly(readOnly)
        .build();
  }

  private static List<Volume> volumes(Gateway gateway, String name, boolean tls, boolean istio) {
    List<Volume> volumes = new ArrayList<>();
    volumes.add(
        new VolumeBuilder()
            .withName("config")
            .withNewConfigMap()
            .withName(name)
            .endConfigMap()
            .build());
    volumes.add(new VolumeBuilder().withName("tmp").withNewEmptyDir().endEmptyDir().build());
    volumes.add(token("xds-token", TOKEN_AUDIENCE));
    if (tls) {
      volumes.add(
          new VolumeBuilder()
              .withName("xds-ca")
              .withNewConfigMap()
              .withName(ResourceNames.xdsCa(gateway.getMetadata().getName()))
              .endConfigMap()
              .build());
    }
    if (istio) {
      // The mesh CA's root and a token istiod accepts, for the proxy's workload certificate.
      volumes.add(
          new VolumeBuilder()
              .withName("istio-ca-root-cert")
              .withNewConfigMap()
              .withName("istio-ca-root-cert")
              .endConfigMap()
              .build());
      volumes.add(token("istio-token", "istio-ca"));
    }
    return volumes;
  }

  /** A projected ServiceAccount token for {@code audience}, at {@code <mount>/<name>}. */
  private static Volume token(String name, String audience) {
    return new VolumeBuilder()
        .withName(name)
        .withNewProjected()
        .addNewSource()
        .withNewServiceAccountToken()
        .withAudience(audience)
        .withExpirationSeconds(TOKEN_EXPIRY_SECONDS)
        .withPath(name)
        .endServiceAccountToken()
        .endSource()
        .endProjected()
        .build();
  }
}
