package dev.agentgateway.control.translate;

import dev.agentgateway.control.gatewayapi.ListenerSet;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.SecretObjectReference;
import java.util.List;
import java.util.Objects;

/**
 * Which Secrets Gateway and ListenerSet listeners name in {@code tls.certificateRefs}, so that
 * translation gets them and their changes (a certificate rotation) re-translate.
 */
public final class ListenerSecretRefs {
  private ListenerSecretRefs() {}

  /** True when {@code object} is a Secret some listener of these owners names. */
  public static boolean read(
      List<Gateway> gateways, List<ListenerSet> listenerSets, HasMetadata object) {
    if (!(object instanceof Secret)) {
      return false;
    }
    for (Gateway g : gateways) {
      if (g.getSpec() != null && names(g, g.getSpec().getListeners(), object)) {
        return true;
      }
    }
    for (ListenerSet s : listenerSets) {
      if (s.getSpec() != null && names(s, s.getSpec().listeners(), object)) {
        return true;
      }
    }
    return false;
  }

  private static boolean names(HasMetadata owner, List<Listener> listeners, HasMetadata secret) {
    for (Listener l : Objects.requireNonNullElse(listeners, List.<Listener>of())) {
      if (l.getTls() == null || l.getTls().getCertificateRefs() == null) {
        continue;
      }
      for (SecretObjectReference ref : l.getTls().getCertificateRefs()) {
        String ns =
            Objects.requireNonNullElse(ref.getNamespace(), owner.getMetadata().getNamespace());
        if (secret.getMetadata().getName().equals(ref.getName())
            && secret.getMetadata().getNamespace().equals(ns)) {
          return true;
        }
      }
    }
    return false;
  }
}
