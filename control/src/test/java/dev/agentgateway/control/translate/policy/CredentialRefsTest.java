package dev.agentgateway.control.translate.policy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.crds.policy.AgentgatewayPolicy;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CredentialRefsTest {
  private static final KubernetesSerialization KUBE = new KubernetesSerialization();

  private static final List<AgentgatewayPolicy> POLICIES =
      List.of(
          policy(
              "traffic: {basicAuthentication: {secretRef: {name: htpasswd}},"
                  + " apiKeyAuthentication: {secretSelector: {matchLabels: {app: keys}}}}"),
          policy(
              "backend: {tls: {caCertificateRefs: [{name: ca}],"
                  + " mtlsCertificateRef: [{name: client}]}}"));

  @Test
  void readsTheSecretsAndConfigMapsPoliciesOfItsNamespaceName() {
    assertTrue(CredentialRefs.read(POLICIES, secret("apps", "htpasswd", Map.of())));
    assertTrue(CredentialRefs.read(POLICIES, secret("apps", "client", Map.of())));
    assertTrue(CredentialRefs.read(POLICIES, configMap("apps", "ca")));
    assertTrue(CredentialRefs.read(POLICIES, secret("apps", "any", Map.of("app", "keys"))));
  }

  @Test
  void ignoresOtherNamespacesKindsAndLabels() {
    assertFalse(CredentialRefs.read(POLICIES, secret("other", "htpasswd", Map.of())));
    assertFalse(CredentialRefs.read(POLICIES, secret("apps", "ca", Map.of())));
    assertFalse(CredentialRefs.read(POLICIES, configMap("apps", "htpasswd")));
    assertFalse(CredentialRefs.read(POLICIES, secret("apps", "any", Map.of("app", "web"))));
  }

  private static HasMetadata secret(String ns, String name, Map<String, String> labels) {
    return new SecretBuilder()
        .withNewMetadata()
        .withNamespace(ns)
        .withName(name)
        .withLabels(labels)
        .endMetadata()
        .build();
  }

  private static HasMetadata configMap(String ns, String name) {
    return new ConfigMapBuilder()
        .withNewMetadata()
        .withNamespace(ns)
        .withName(name)
        .endMetadata()
        .build();
  }

  private static AgentgatewayPolicy policy(String body) {
    return KUBE.unmarshal(
        """
        apiVersion: agentgateway.dev/v1alpha1
        kind: AgentgatewayPolicy
        metadata: {name: p, namespace: apps}
        spec:
          targetRefs: [{group: gateway.networking.k8s.io, kind: Gateway, name: a}]
          %s
        """
            .formatted(body),
        AgentgatewayPolicy.class);
  }
}
