package dev.agentgateway.control.translate;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.agentgateway.control.gatewayapi.ListenerSet;
import dev.agentgateway.control.gatewayapi.ListenerSetSpec;
import dev.agentgateway.control.gatewayapi.ParentGatewayReference;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Listener;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ListenerBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

class ListenerSecretRefsTest {
  private static Listener https(String secret, String namespace) {
    return new ListenerBuilder()
        .withName("https")
        .withPort(443)
        .withProtocol("HTTPS")
        .withNewTls()
        .addNewCertificateRef()
        .withName(secret)
        .withNamespace(namespace)
        .endCertificateRef()
        .endTls()
        .build();
  }

  private static Gateway gateway(Listener listener) {
    return new GatewayBuilder()
        .withNewMetadata()
        .withNamespace("apps")
        .withName("gw")
        .endMetadata()
        .withNewSpec()
        .withGatewayClassName("agentgateway")
        .withListeners(listener)
        .endSpec()
        .build();
  }

  private static Secret secret(String namespace, String name) {
    return new SecretBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .endMetadata()
        .build();
  }

  @Test
  void aGatewayListenerReadsItsSecretInItsOwnNamespaceByDefault() {
    List<Gateway> gateways = List.of(gateway(https("cert", null)));
    assertTrue(ListenerSecretRefs.read(gateways, List.of(), secret("apps", "cert")));
    assertFalse(ListenerSecretRefs.read(gateways, List.of(), secret("other", "cert")));
    assertFalse(ListenerSecretRefs.read(gateways, List.of(), secret("apps", "unrelated")));
  }

  @Test
  void aCrossNamespaceReferenceNamesTheSecretsNamespace() {
    List<Gateway> gateways = List.of(gateway(https("cert", "certs")));
    assertTrue(ListenerSecretRefs.read(gateways, List.of(), secret("certs", "cert")));
    assertFalse(ListenerSecretRefs.read(gateways, List.of(), secret("apps", "cert")));
  }

  @Test
  void aListenerSetListenerReadsSecretsOfTheListenerSetsNamespace() {
    ListenerSet set = new ListenerSet();
    set.getMetadata().setNamespace("team");
    set.getMetadata().setName("secure");
    set.setSpec(
        new ListenerSetSpec(
            new ParentGatewayReference(null, null, "gw", "apps"), List.of(https("cert", null))));
    assertTrue(ListenerSecretRefs.read(List.of(), List.of(set), secret("team", "cert")));
    assertFalse(ListenerSecretRefs.read(List.of(), List.of(set), secret("apps", "cert")));
  }

  @Test
  void onlySecretsAreListenerCertificates() {
    List<Gateway> gateways = List.of(gateway(https("cert", null)));
    assertFalse(
        ListenerSecretRefs.read(
            gateways,
            List.of(),
            new ConfigMapBuilder()
                .withNewMetadata()
                .withNamespace("apps")
                .withName("cert")
                .endMetadata()
                .build()));
  }
}
