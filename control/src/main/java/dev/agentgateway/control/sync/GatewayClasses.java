package dev.agentgateway.control.sync;

import dev.agentgateway.control.config.ControllerSettings;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClassBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParametersReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParametersReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Objects;

/**
 * Creates this controller's GatewayClass at start, as upstream does, so a fresh install needs no
 * GatewayClass manifest; an existing one gets its parametersRef from the settings.
 */
public final class GatewayClasses {
  private GatewayClasses() {}

  /** Creates or updates the GatewayClass named in {@code settings}. */
  public static GatewayClass ensure(KubernetesClient client, ControllerSettings settings) {
    String name = settings.gatewayClassName();
    ParametersReference parameters = parameters(settings);
    GatewayClass existing = client.resources(GatewayClass.class).withName(name).get();
    if (existing == null) {
      return client
          .resource(
              new GatewayClassBuilder()
                  .withNewMetadata()
                  .withName(name)
                  .endMetadata()
                  .withNewSpec()
                  .withControllerName(settings.controllerName())
                  .withParametersRef(parameters)
                  .withDescription("agentgateway: MCP, A2A and LLM gateway")
                  .endSpec()
                  .build())
          .create();
    }
    if (!settings.controllerName().equals(existing.getSpec().getControllerName())) {
      // controllerName is immutable; a class of that name owned by someone else stays theirs.
      throw new IllegalStateException(
          "GatewayClass "
              + name
              + " exists with controllerName "
              + existing.getSpec().getControllerName()
              + ", not "
              + settings.controllerName()
              + "; set AGW_AGENTGATEWAY_CLASS_NAME to another name");
    }
    if (parameters != null && !Objects.equals(parameters, existing.getSpec().getParametersRef())) {
      return client
          .resources(GatewayClass.class)
          .withName(name)
          .edit(
              c -> {
                c.getSpec().setParametersRef(parameters);
                return c;
              });
    }
    return existing;
  }

  private static ParametersReference parameters(ControllerSettings settings) {
    ControllerSettings.ParametersRef ref =
        settings.gatewayClassParametersRefs().get(settings.gatewayClassName());
    if (ref == null) {
      return null;
    }
    return new ParametersReferenceBuilder()
        .withGroup(ref.group())
        .withKind(ref.kind())
        .withName(ref.name())
        .withNamespace(ref.namespace())
        .build();
  }
}
