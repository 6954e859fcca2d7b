package dev.agentgateway.control.testing;

import dev.agentgateway.control.config.ControllerSettings;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayBuilder;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClassBuilder;

/** The Gateway API objects controller tests keep needing. */
public final class GatewayApiObjects {
  /** The GatewayClass name the controller owns by default. */
  public static final String CLASS = "agentgateway";

  private GatewayApiObjects() {}

  /** GatewayClass {@value #CLASS} with the default controllerName. */
  public static GatewayClass ourClass() {
    return new GatewayClassBuilder()
        .withNewMetadata()
        .withName(CLASS)
        .withGeneration(1L)
        .endMetadata()
        .withNewSpec()
        .withControllerName(ControllerSettings.DEFAULT_CONTROLLER_NAME)
        .endSpec()
        .build();
  }

  /** A Gateway of class {@value #CLASS} with one HTTP listener {@code http} on {@code port}. */
  public static Gateway httpGateway(String namespace, String name, int port) {
    return new GatewayBuilder()
        .withNewMetadata()
        .withNamespace(namespace)
        .withName(name)
        .withGeneration(1L)
        .endMetadata()
        .withNewSpec()
        .withGatewayClassName(CLASS)
        .addNewListener()
        .withName("http")
        .withPort(port)
        .withProtocol("HTTP")
        .endListener()
        .endSpec()
        .build();
  }
}
