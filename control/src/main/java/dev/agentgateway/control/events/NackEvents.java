package dev.agentgateway.control.events;

import dev.agentgateway.control.xds.cache.GatewayKey;
import dev.agentgateway.control.xds.server.NackListener;
import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Objects;

/**
 * Turns a proxy's NACK into a Warning Event {@value #REASON} on its Gateway, so {@code kubectl
 * describe gateway} shows which resource the proxy refused and why.
 */
public final class NackEvents implements NackListener {
  /** The Event reason upstream agentgateway uses for NACKs. */
  public static final String REASON = "AgentGatewayNackError";

  private final KubernetesClient client;
  private final EventRecorder recorder;

  /** Records through {@code recorder}, looking Gateways up with {@code client}. */
  public NackEvents(KubernetesClient client, EventRecorder recorder) {
    this.client = Objects.requireNonNull(client, "client");
    this.recorder = Objects.requireNonNull(recorder, "recorder");
  }

  @Override
  public void onNack(GatewayKey gateway, String message) {
    recorder.warning(() -> reference(gateway), REASON, "proxy rejected configuration: " + message);
  }

  /** The Gateway's reference, with its uid when it can be read (Events link to objects by uid). */
  private ObjectReference reference(GatewayKey gateway) {
    String uid = null;
    try {
      Gateway found =
          client
              .resources(Gateway.class)
              .inNamespace(gateway.namespace())
              .withName(gateway.name())
              .get();
      if (found != null) {
        uid = found.getMetadata().getUid();
      }
    } catch (KubernetesClientException e) {
      // The Event still names the Gateway; kubectl matches it by name and kind.
    }
    return new ObjectReferenceBuilder()
        .withApiVersion("gateway.networking.k8s.io/v1")
        .withKind("Gateway")
        .withNamespace(gateway.namespace())
        .withName(gateway.name())
        .withUid(uid)
        .build();
  }
}
