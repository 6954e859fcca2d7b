package dev.agentgateway.control.translate.policy;

import dev.agentgateway.crds.common.BackendTls;
import dev.agentgateway.crds.common.CaCertificateRef;
import dev.agentgateway.crds.common.SecretRef;
import dev.agentgateway.crds.policy.AgentgatewayPolicy;
import dev.agentgateway.crds.policy.AgentgatewayPolicySpec;
import dev.agentgateway.crds.policy.ApiKeyAuthentication;
import dev.agentgateway.crds.policy.BasicAuthentication;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Which Secrets and ConfigMaps AgentgatewayPolicies read, so that only those are handed to
 * translation and only their changes re-translate. References are to the policy's own namespace.
 */
public final class CredentialRefs {
  private CredentialRefs() {}

  /** True when some policy of {@code object}'s namespace names it or selects it by labels. */
  public static boolean read(List<AgentgatewayPolicy> policies, HasMetadata object) {
    if (!(object instanceof Secret) && !(object instanceof ConfigMap)) {
      return false;
    }
    String ns = object.getMetadata().getNamespace();
    for (AgentgatewayPolicy p : policies) {
      if (Objects.equals(p.getMetadata().getNamespace(), ns)
          && p.getSpec() != null
          && reads(p.getSpec(), object)) {
        return true;
      }
    }
    return false;
  }

  private static boolean reads(AgentgatewayPolicySpec spec, HasMetadata object) {
    String name = object.getMetadata().getName();
    boolean secret = object instanceof Secret;
    if (spec.traffic() != null && secret) {
      BasicAuthentication basic = spec.traffic().basicAuthentication();
      if (basic != null && basic.secretRef() != null && name.equals(basic.secretRef().name())) {
        return true;
      }
      ApiKeyAuthentication keys = spec.traffic().apiKeyAuthentication();
      if (keys != null && keys.secretRef() != null && name.equals(keys.secretRef().name())) {
        return true;
      }
      if (keys != null && keys.secretSelector() != null) {
        Map<String, String> labels =
            Objects.requireNonNullElse(object.getMetadata().getLabels(), Map.of());
        Map<String, String> wanted =
            Objects.requireNonNullElse(keys.secretSelector().matchLabels(), Map.of());
        if (labels.entrySet().containsAll(wanted.entrySet())) {
          return true;
        }
      }
    }
    if (secret
        && spec.backend() != null
        && spec.backend().auth() != null
        && spec.backend().auth().secretRef() != null
        && name.equals(spec.backend().auth().secretRef().name())) {
      return true;
    }
    BackendTls tls = spec.backend() == null ? null : spec.backend().tls();
    if (tls != null) {
      for (CaCertificateRef ca :
          Objects.requireNonNullElse(tls.caCertificateRefs(), List.<CaCertificateRef>of())) {
        boolean wantsSecret = ca.kind() == CaCertificateRef.Kind.SECRET;
        if (wantsSecret == secret && name.equals(ca.name())) {
          return true;
        }
      }
      for (SecretRef ref :
          Objects.requireNonNullElse(tls.mtlsCertificateRef(), List.<SecretRef>of())) {
        if (secret && name.equals(ref.name())) {
          return true;
        }
      }
    }
    return false;
  }
}
