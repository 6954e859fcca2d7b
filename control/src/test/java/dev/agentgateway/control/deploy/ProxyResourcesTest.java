package dev.agentgateway.control.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.crds.parameters.AgentgatewayParametersSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ProxyResourcesTest {
  private static final Gateway GW =
      Fixtures.gateway(
          """
          metadata: {name: gw, namespace: apps}
          spec:
            gatewayClassName: agentgateway
            infrastructure:
              labels: {team: a}
              annotations: {note: b}
            listeners:
            - {name: http, port: 80, protocol: HTTP}
            - {name: http2, port: 80, protocol: HTTP, hostname: x.example}
            - {name: grpc, port: 9000, protocol: HTTP}
          """);

  @Test
  void deploymentRunsTheLockedDownProxyWithUpstreamDefaults() {
    ProxyPlan plan = build(GW, "{}", null);
    var deployment = plan.deployment();
    assertEquals("gw", deployment.getMetadata().getName());
    assertEquals("apps", deployment.getMetadata().getNamespace());
    assertEquals(
        Map.of(
            "team", "a",
            "gateway.networking.k8s.io/gateway-name", "gw",
            "gateway.networking.k8s.io/gateway-class-name", "agentgateway",
            "app.kubernetes.io/managed-by", "agentgateway"),
        deployment.getMetadata().getLabels());
    assertEquals(Map.of("note", "b"), deployment.getMetadata().getAnnotations());
    assertEquals(
        Map.of("gateway.networking.k8s.io/gateway-name", "gw"),
        deployment.getSpec().getSelector().getMatchLabels());
    PodSpec pod = deployment.getSpec().getTemplate().getSpec();
    assertEquals("gw", pod.getServiceAccountName());
    assertEquals(60L, pod.getTerminationGracePeriodSeconds());
    assertEquals(
        "net.ipv4.ip_unprivileged_port_start",
        pod.getSecurityContext().getSysctls().get(0).getName());
    Container c = pod.getContainers().get(0);
    assertEquals("agentgateway", c.getName());
    assertEquals("cr.agentgateway.dev/agentgateway:1.2.3", c.getImage());
    assertEquals(List.of("/app/bin/agentgateway"), c.getCommand());
    assertEquals(List.of("-f", "/config/config.yaml"), c.getArgs());
    assertEquals(10101L, c.getSecurityContext().getRunAsUser());
    assertTrue(c.getSecurityContext().getRunAsNonRoot());
    assertTrue(c.getSecurityContext().getReadOnlyRootFilesystem());
    assertFalse(c.getSecurityContext().getAllowPrivilegeEscalation());
    assertEquals(List.of("ALL"), c.getSecurityContext().getCapabilities().getDrop());
    assertEquals(
        List.of(80, 9000, 15020, 15021),
        c.getPorts().stream().map(ContainerPort::getContainerPort).toList());
    for (var probe : List.of(c.getReadinessProbe(), c.getStartupProbe())) {
      assertEquals("/healthz/ready", probe.getHttpGet().getPath());
      assertEquals(15021, probe.getHttpGet().getPort().getIntVal());
    }
    assertEquals(
        Map.of("cpu", new Quantity("100m"), "memory", new Quantity("128Mi")),
        c.getResources().getRequests());
    Map<String, String> annotations =
        deployment.getSpec().getTemplate().getMetadata().getAnnotations();
    assertEquals("true", annotations.get("prometheus.io/scrape"));
    assertEquals("15020", annotations.get("prometheus.io/port"));
    assertEquals("/metrics", annotations.get("prometheus.io/path"));
    assertEquals(
        ResourceNames.sha256Hex(plan.config().getData().get("config.yaml")),
        annotations.get("checksum/config"));
    assertEquals(
        Map.of("config", "/config", "tmp", "/tmp", "xds-token", "/var/run/secrets/xds-tokens"),
        c.getVolumeMounts().stream()
            .collect(Collectors.toMap(VolumeMount::getName, VolumeMount::getMountPath)));
    Volume token =
        pod.getVolumes().stream()
            .filter(v -> v.getName().equals("xds-token"))
            .findFirst()
            .orElseThrow();
    var projected = token.getProjected().getSources().get(0).getServiceAccountToken();
    assertEquals("agentgateway", projected.getAudience());
    assertEquals(43200L, projected.getExpirationSeconds());
    assertEquals("xds-token", projected.getPath());
    assertEquals(
        "gw",
        pod.getVolumes().stream()
            .filter(v -> v.getName().equals("config"))
            .findFirst()
            .orElseThrow()
            .getConfigMap()
            .getName());
  }

  @Test
  void environmentHasTheConventionalVariables() {
    Map<String, EnvVar> env =
        env(
            build(
                GW, "{logging: {level: 'debug,rustls=info'}, shutdown: {min: 3, max: 45}}", null));
    assertEquals(
        "http://agentgateway.agw-system.svc.cluster.local:9978", env.get("XDS_ADDRESS").getValue());
    assertEquals("gw", env.get("GATEWAY").getValue());
    assertEquals(
        "metadata.namespace", env.get("NAMESPACE").getValueFrom().getFieldRef().getFieldPath());
    assertEquals("metadata.name", env.get("POD_NAME").getValueFrom().getFieldRef().getFieldPath());
    assertEquals(
        "metadata.namespace", env.get("POD_NAMESPACE").getValueFrom().getFieldRef().getFieldPath());
    assertEquals(
        "status.podIP", env.get("INSTANCE_IP").getValueFrom().getFieldRef().getFieldPath());
    assertEquals("spec.nodeName", env.get("NODE_NAME").getValueFrom().getFieldRef().getFieldPath());
    assertEquals(
        "spec.serviceAccountName",
        env.get("SERVICE_ACCOUNT").getValueFrom().getFieldRef().getFieldPath());
    assertEquals("debug,rustls=info", env.get("RUST_LOG").getValue());
    assertEquals("45", env.get("TERMINATION_GRACE_PERIOD_SECONDS").getValue());
    assertEquals("3s", env.get("CONNECTION_MIN_TERMINATION_DEADLINE").getValue());
    assertNull(env.get("XDS_ROOT_CA"));
    assertNull(env.get("CA_ADDRESS"), "istio is opt-in");
  }

  @Test
  void userEnvironmentSuppressesTheDefaultOfTheSameName() {
    ProxyPlan plan =
        build(
            GW,
            """
            env:
            - {name: RUST_LOG, value: trace}
            - {name: EXTRA, valueFrom: {secretKeyRef: {name: s, key: k}}}
            """,
            null);
    List<EnvVar> env =
        plan.deployment().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
    assertEquals(1, env.stream().filter(e -> e.getName().equals("RUST_LOG")).count());
    assertEquals("trace", env(plan).get("RUST_LOG").getValue());
    assertEquals("s", env(plan).get("EXTRA").getValueFrom().getSecretKeyRef().getName());
    assertEquals("EXTRA", env.get(env.size() - 1).getName(), "user variables come last");
  }

  @Test
  void xdsTlsAddsTheCaConfigMapMountAndEnvironment() {
    ProxyPlan plan = build(GW, "{}", "-----BEGIN CERTIFICATE-----\nx\n-----END CERTIFICATE-----\n");
    assertEquals("gw-xds-ca", plan.xdsCa().getMetadata().getName());
    assertTrue(plan.xdsCa().getData().get("ca.crt").startsWith("-----BEGIN CERTIFICATE"));
    Map<String, EnvVar> env = env(plan);
    assertEquals("/etc/xds-tls/ca.crt", env.get("XDS_ROOT_CA").getValue());
    assertTrue(env.get("XDS_ADDRESS").getValue().startsWith("https://"));
    PodSpec pod = plan.deployment().getSpec().getTemplate().getSpec();
    assertTrue(
        pod.getVolumes().stream()
            .anyMatch(
                v -> v.getConfigMap() != null && "gw-xds-ca".equals(v.getConfigMap().getName())));
    assertTrue(
        pod.getContainers().get(0).getVolumeMounts().stream()
            .anyMatch(m -> m.getMountPath().equals("/etc/xds-tls")));
    assertNotNull(
        plan.deployment()
            .getSpec()
            .getTemplate()
            .getMetadata()
            .getAnnotations()
            .get("checksum/xds-ca"));
  }

  @Test
  void istioOptsInWithASectionAndAddsMeshEnvironmentLabelsAndVolumes() {
    ProxyPlan plan = build(GW, "{istio: {trustDomain: corp.local, clusterId: c1}}", null);
    Map<String, EnvVar> env = env(plan);
    assertEquals("https://istiod.istio-system.svc:15012", env.get("CA_ADDRESS").getValue());
    assertEquals("corp.local", env.get("TRUST_DOMAIN").getValue());
    assertEquals("c1", env.get("CLUSTER_ID").getValue());
    var template = plan.deployment().getSpec().getTemplate();
    assertEquals("false", template.getMetadata().getLabels().get("sidecar.istio.io/inject"));
    assertEquals("none", template.getMetadata().getLabels().get("istio.io/dataplane-mode"));
    Volume token =
        template.getSpec().getVolumes().stream()
            .filter(v -> v.getName().equals("istio-token"))
            .findFirst()
            .orElseThrow();
    assertEquals(
        "istio-ca",
        token.getProjected().getSources().get(0).getServiceAccountToken().getAudience());
    assertNull(env(build(GW, "{istio: {enabled: false}}", null)).get("CA_ADDRESS"));
  }

  @Test
  void serviceIsALoadBalancerWithOnePortPerListenerPort() {
    var service = build(GW, "{}", null).service();
    assertEquals("LoadBalancer", service.getSpec().getType());
    assertEquals(
        Map.of("gateway.networking.k8s.io/gateway-name", "gw"), service.getSpec().getSelector());
    List<ServicePort> ports = service.getSpec().getPorts();
    assertEquals(
        List.of("listener-80", "listener-9000"), ports.stream().map(ServicePort::getName).toList());
    assertEquals(9000, ports.get(1).getTargetPort().getIntVal());
    assertEquals("TCP", ports.get(1).getProtocol());
  }

  @Test
  void gatewayWithoutListenersGetsTheDummyPortAndInternalPortsAreNotExposed() {
    Gateway none =
        Fixtures.gateway(
            "metadata: {name: gw, namespace: apps}\nspec: {gatewayClassName: agentgateway, listeners: []}");
    assertEquals(443, build(none, "{}", null).service().getSpec().getPorts().get(0).getPort());
    Gateway internal =
        Fixtures.gateway(
            """
            metadata: {name: gw, namespace: apps, annotations: {agentgateway.dev/internal-ports: '9000'}}
            spec:
              gatewayClassName: agentgateway
              listeners:
              - {name: http, port: 80, protocol: HTTP}
              - {name: in, port: 9000, protocol: HTTP}
            """);
    assertEquals(
        List.of(80),
        build(internal, "{}", null).service().getSpec().getPorts().stream()
            .map(ServicePort::getPort)
            .toList());
  }

  @Test
  void serviceAccountIsNamedAfterTheGatewayWithoutTokenAutomount() {
    var account = build(GW, "{}", null).serviceAccount();
    assertEquals("gw", account.getMetadata().getName());
    assertFalse(account.getAutomountServiceAccountToken());
  }

  @Test
  void configYamlMergesTypedSettingsOverRawConfig() {
    assertEquals("config: {}\n", build(GW, "{}", null).config().getData().get("config.yaml"));
    String yaml =
        build(
                GW,
                "{logging: {format: json}, rawConfig: {config: {logging: {format: text, filter: 'x'}, adminAddr: 'localhost:1'}}}",
                null)
            .config()
            .getData()
            .get("config.yaml");
    var tree = Fixtures.read(yaml, com.fasterxml.jackson.databind.JsonNode.class);
    assertEquals("json", tree.at("/config/logging/format").asText());
    assertEquals("x", tree.at("/config/logging/filter").asText());
    assertEquals("localhost:1", tree.at("/config/adminAddr").asText());
  }

  @Test
  void configChangeChangesTheChecksumAnnotation() {
    String a = checksum(build(GW, "{rawConfig: {config: {adminAddr: 'localhost:1'}}}", null));
    String b = checksum(build(GW, "{rawConfig: {config: {adminAddr: 'localhost:2'}}}", null));
    assertNotEquals(a, b);
  }

  @Test
  void imageAndResourcesComeFromParametersOverDefaults() {
    Container c =
        build(
                GW,
                """
                image: {registry: mirror.example:5000, repository: team/agw, digest: 'sha256:abc', pullPolicy: Always}
                resources: {requests: {memory: 1Gi}, limits: {cpu: '2'}}
                """,
                null)
            .deployment()
            .getSpec()
            .getTemplate()
            .getSpec()
            .getContainers()
            .get(0);
    assertEquals("mirror.example:5000/team/agw@sha256:abc", c.getImage());
    assertEquals("Always", c.getImagePullPolicy());
    assertEquals(
        Map.of("cpu", new Quantity("100m"), "memory", new Quantity("1Gi")),
        c.getResources().getRequests());
    assertEquals(Map.of("cpu", new Quantity("2")), c.getResources().getLimits());
    assertEquals("reg:5000/a/b:1", ProxyPod.image(null, "reg:5000/a/b:1"));
    assertEquals("agw:1", ProxyPod.image(null, "agw:1"));
  }

  @Test
  void longGatewayNamesAreTruncatedWithAStableHash() {
    String longName = "g".repeat(70);
    String fitted = ResourceNames.fit(longName);
    assertEquals(63, fitted.length());
    assertEquals("g".repeat(50) + "-" + ResourceNames.sha256Hex(longName).substring(0, 12), fitted);
    assertEquals("short", ResourceNames.fit("short"));
    Gateway gw =
        Fixtures.gateway(
            "metadata: {name: %s, namespace: apps}\nspec: {gatewayClassName: agentgateway, listeners: []}"
                .formatted(longName));
    ProxyPlan plan = build(gw, "{}", "ca");
    assertEquals(fitted, plan.deployment().getMetadata().getName());
    assertEquals(
        fitted, plan.deployment().getSpec().getTemplate().getSpec().getServiceAccountName());
    assertEquals(
        fitted,
        plan.deployment().getMetadata().getLabels().get("gateway.networking.k8s.io/gateway-name"));
    assertEquals(63, plan.xdsCa().getMetadata().getName().length());
    assertEquals(63, ResourceNames.sessionKey(longName).length());
    assertEquals(longName, env(plan).get("GATEWAY").getValue(), "the proxy names its real Gateway");
  }

  @Test
  void overlaysApplyClassFirstThenGateway() {
    AgentgatewayParametersSpec classLayer =
        spec(
            """
            deployment:
              metadata: {labels: {tier: class, extra: yes}, annotations: {a: '1'}}
              spec:
                replicas: 3
                template:
                  spec:
                    nodeSelector: {pool: gateways}
                    containers:
                    - name: agentgateway
                      env: [{name: FROM_OVERLAY, value: '1'}]
            service:
              spec: {type: ClusterIP}
            serviceAccount:
              metadata: {annotations: {iam: role}}
            """);
    AgentgatewayParametersSpec gatewayLayer =
        spec(
            """
            deployment:
              metadata: {labels: {tier: gateway}}
              spec:
                template:
                  spec:
                    containers:
                    - name: agentgateway
                      securityContext: {runAsUser: 20000}
                    - {name: sidecar, image: busybox}
                    volumes:
                    - {name: tmp, $patch: delete}
            """);
    ProxyPlan plan =
        ProxyResources.build(
            GW,
            new MergedParameters(MergedParameters.empty(), List.of(classLayer, gatewayLayer)),
            Fixtures.settings(),
            null);
    var d = plan.deployment();
    assertEquals("gateway", d.getMetadata().getLabels().get("tier"));
    assertEquals("yes", d.getMetadata().getLabels().get("extra"));
    assertEquals("gw", d.getMetadata().getLabels().get("gateway.networking.k8s.io/gateway-name"));
    assertEquals("1", d.getMetadata().getAnnotations().get("a"));
    assertEquals(3, d.getSpec().getReplicas());
    PodSpec pod = d.getSpec().getTemplate().getSpec();
    assertEquals(Map.of("pool", "gateways"), pod.getNodeSelector());
    assertEquals(
        List.of("agentgateway", "sidecar"),
        pod.getContainers().stream().map(Container::getName).toList());
    Container proxy = pod.getContainers().get(0);
    assertEquals(20000L, proxy.getSecurityContext().getRunAsUser());
    assertTrue(proxy.getSecurityContext().getReadOnlyRootFilesystem(), "merged, not replaced");
    List<String> names = proxy.getEnv().stream().map(EnvVar::getName).toList();
    assertEquals("FROM_OVERLAY", names.get(names.size() - 1), "env merges by name: appended");
    assertTrue(names.contains("XDS_ADDRESS"), "and the defaults stay");
    assertFalse(pod.getVolumes().stream().anyMatch(v -> v.getName().equals("tmp")));
    assertEquals("ClusterIP", plan.service().getSpec().getType());
    assertEquals("role", plan.serviceAccount().getMetadata().getAnnotations().get("iam"));
  }

  @Test
  void daemonSetWorkloadRunsTheSamePodTemplateWithDaemonSetOverlaysAndNoDeployment() {
    AgentgatewayParametersSpec layer =
        spec(
            """
            workload: {kind: DaemonSet}
            daemonSet:
              metadata: {labels: {tier: edge}}
              spec:
                updateStrategy: {rollingUpdate: {maxUnavailable: 2}}
                template: {spec: {hostNetwork: true}}
            """);
    ProxyPlan plan =
        ProxyResources.build(
            GW, new MergedParameters(layer, List.of(layer)), Fixtures.settings(), null, "k");
    assertNull(plan.deployment());
    assertNull(plan.autoscaler());
    var ds = plan.daemonSet();
    assertEquals("gw", ds.getMetadata().getName());
    assertEquals("edge", ds.getMetadata().getLabels().get("tier"));
    assertEquals("gw", ds.getMetadata().getLabels().get("gateway.networking.k8s.io/gateway-name"));
    assertEquals(
        Map.of("gateway.networking.k8s.io/gateway-name", "gw"),
        ds.getSpec().getSelector().getMatchLabels());
    assertEquals(
        2, ds.getSpec().getUpdateStrategy().getRollingUpdate().getMaxUnavailable().getIntVal());
    PodSpec pod = ds.getSpec().getTemplate().getSpec();
    assertTrue(pod.getHostNetwork());
    PodSpec deploymentPod =
        ProxyResources.build(GW, MergedParameters.NONE, Fixtures.settings(), null, "k")
            .deployment()
            .getSpec()
            .getTemplate()
            .getSpec();
    assertEquals(deploymentPod.getContainers(), pod.getContainers());
    assertEquals(deploymentPod.getVolumes(), pod.getVolumes());
    assertEquals("gw", pod.getServiceAccountName());
    assertEquals(ds.getSpec().getTemplate(), plan.podTemplate());
  }

  @Test
  void podDisruptionBudgetAndAutoscalerExistOnlyWithTheirOverlays() {
    ProxyPlan none = build(GW, "{}", null);
    assertNull(none.podDisruptionBudget());
    assertNull(none.autoscaler());

    AgentgatewayParametersSpec classLayer =
        spec(
            """
            podDisruptionBudget: {spec: {minAvailable: 1}}
            """);
    AgentgatewayParametersSpec gatewayLayer =
        spec(
            """
            horizontalPodAutoscaler:
              metadata: {annotations: {owner: team-a}}
              spec: {minReplicas: 2, maxReplicas: 5}
            """);
    ProxyPlan plan =
        ProxyResources.build(
            GW,
            new MergedParameters(MergedParameters.empty(), List.of(classLayer, gatewayLayer)),
            Fixtures.settings(),
            null);
    var pdb = plan.podDisruptionBudget();
    assertEquals("gw", pdb.getMetadata().getName());
    assertEquals("apps", pdb.getMetadata().getNamespace());
    assertEquals("agentgateway", pdb.getMetadata().getLabels().get("app.kubernetes.io/managed-by"));
    assertEquals(
        Map.of("gateway.networking.k8s.io/gateway-name", "gw"),
        pdb.getSpec().getSelector().getMatchLabels());
    assertEquals(1, pdb.getSpec().getMinAvailable().getIntVal());
    var hpa = plan.autoscaler();
    assertEquals("gw", hpa.getMetadata().getName());
    assertEquals("team-a", hpa.getMetadata().getAnnotations().get("owner"));
    assertEquals("b", hpa.getMetadata().getAnnotations().get("note"), "infrastructure annotations");
    assertEquals("apps/v1", hpa.getSpec().getScaleTargetRef().getApiVersion());
    assertEquals("Deployment", hpa.getSpec().getScaleTargetRef().getKind());
    assertEquals("gw", hpa.getSpec().getScaleTargetRef().getName());
    assertEquals(2, hpa.getSpec().getMinReplicas());
    assertEquals(5, hpa.getSpec().getMaxReplicas());
  }

  @Test
  void autoscalerIsNeverBuiltForADaemonSet() {
    // The CRD refuses this combination; parameters that slip past it still get no autoscaler.
    ProxyPlan plan =
        build(
            GW,
            "{workload: {kind: DaemonSet}, horizontalPodAutoscaler: {spec: {maxReplicas: 3}}}",
            null);
    assertNotNull(plan.daemonSet());
    assertNull(plan.autoscaler());
  }

  @Test
  void sessionKeySecretFeedsTheEnvironmentAndRollsPodsByDigestOnly() {
    String key = "ab".repeat(32);
    AgentgatewayParametersSpec spec = spec("{}");
    ProxyPlan plan =
        ProxyResources.build(
            GW, new MergedParameters(spec, List.of(spec)), Fixtures.settings(), null, key);
    var secret = plan.sessionKey();
    assertEquals("gw-session-key", secret.getMetadata().getName());
    assertEquals("Opaque", secret.getType());
    assertEquals(
        "gw", secret.getMetadata().getLabels().get("gateway.networking.k8s.io/gateway-name"));
    assertEquals(key, SessionKey.of(secret));
    EnvVar env = env(plan).get("SESSION_KEY");
    assertNull(env.getValue());
    assertEquals("gw-session-key", env.getValueFrom().getSecretKeyRef().getName());
    assertEquals("key", env.getValueFrom().getSecretKeyRef().getKey());
    Map<String, String> annotations = plan.podTemplate().getMetadata().getAnnotations();
    assertEquals(ResourceNames.sha256Hex(key), annotations.get("checksum/session-key"));
    assertFalse(annotations.containsValue(key), "the key itself never reaches pod metadata");

    ProxyPlan without = build(GW, "{}", null);
    assertNull(without.sessionKey());
    assertNull(env(without).get("SESSION_KEY"));
    assertNull(without.podTemplate().getMetadata().getAnnotations().get("checksum/session-key"));
  }

  @Test
  void generatedSessionKeysAre32RandomBytesInHexAndAUserKeySuppressesThem() {
    var random = new java.security.SecureRandom();
    String key = SessionKey.generate(random);
    assertTrue(key.matches("[0-9a-f]{64}"), "64 hex digits");
    assertNotEquals(key, SessionKey.generate(random));
    assertTrue(SessionKey.wanted(spec("{env: [{name: OTHER, value: x}]}")));
    assertTrue(SessionKey.wanted(spec("{}")));
    assertFalse(SessionKey.wanted(spec("{env: [{name: SESSION_KEY, value: mine}]}")));
    assertNull(SessionKey.of(null));
  }

  private static String checksum(ProxyPlan plan) {
    return plan.deployment()
        .getSpec()
        .getTemplate()
        .getMetadata()
        .getAnnotations()
        .get("checksum/config");
  }

  private static Map<String, EnvVar> env(ProxyPlan plan) {
    return plan.podTemplate().getSpec().getContainers().get(0).getEnv().stream()
        .collect(Collectors.toMap(EnvVar::getName, e -> e));
  }

  private static AgentgatewayParametersSpec spec(String yaml) {
    return Fixtures.read(yaml, AgentgatewayParametersSpec.class);
  }

  private static ProxyPlan build(Gateway gw, String specYaml, String caPem) {
    AgentgatewayParametersSpec spec = spec(specYaml);
    return ProxyResources.build(
        gw, new MergedParameters(spec, List.of(spec)), Fixtures.settings(), caPem);
  }

  private static void assertNotNull(Object value) {
    org.junit.jupiter.api.Assertions.assertNotNull(value);
  }
}
