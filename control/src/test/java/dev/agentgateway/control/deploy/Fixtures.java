package dev.agentgateway.control.deploy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.agentgateway.control.config.ControllerSettings;
import dev.agentgateway.crds.parameters.AgentgatewayParameters;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import java.io.UncheckedIOException;
import java.util.Map;

/** Test objects written as YAML, the way users write them. */
final class Fixtures {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private Fixtures() {}

  static ControllerSettings settings() {
    return ControllerSettings.fromEnv(
        Map.of(
            "POD_NAMESPACE", "agw-system",
            "AGW_PROXY_IMAGE_TAG", "1.2.3"));
  }

  static Gateway gateway(String yaml) {
    return read(yaml, Gateway.class);
  }

  static GatewayClass gatewayClass(String yaml) {
    return read(yaml, GatewayClass.class);
  }

  static AgentgatewayParameters parameters(String yaml) {
    return read(yaml, AgentgatewayParameters.class);
  }

  static <T> T read(String yaml, Class<T> type) {
    try {
      return YAML.readValue(yaml, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
