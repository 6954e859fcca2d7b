package dev.agentgateway.control.deploy;

import dev.agentgateway.crds.parameters.AgentgatewayParametersSpec;
import java.util.List;
import java.util.Objects;

/**
 * The AgentgatewayParameters that apply to one Gateway.
 *
 * @param spec the typed settings, GatewayClass parameters with the Gateway's merged over them
 * @param layers the specs that were merged, class first, whose overlays are applied in that order
 */
public record MergedParameters(
    AgentgatewayParametersSpec spec, List<AgentgatewayParametersSpec> layers) {

  /** No parameters at all: every default applies. */
  public static final MergedParameters NONE = new MergedParameters(empty(), List.of());

  public MergedParameters {
    Objects.requireNonNull(spec, "spec");
    layers = List.copyOf(layers);
  }

  static AgentgatewayParametersSpec empty() {
    return new AgentgatewayParametersSpec(
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
        null);
  }
}
