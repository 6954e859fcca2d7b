package dev.agentgateway.control.deploy;

import dev.agentgateway.crds.parameters.AgentgatewayParameters;
import dev.agentgateway.crds.parameters.AgentgatewayParametersSpec;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.LocalParametersReference;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParametersReference;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Finds the AgentgatewayParameters a Gateway uses (its GatewayClass's {@code parametersRef}, then
 * its own {@code spec.infrastructure.parametersRef}) and merges them, the Gateway's winning.
 * Failures carry a message fit for the Gateway's {@code Accepted=False/InvalidParameters}.
 */
public final class ParametersResolver {

  static final String GROUP = "agentgateway.dev";
  static final String KIND = "AgentgatewayParameters";

  private final BiFunction<String, String, AgentgatewayParameters> lookup;

  /**
   * @param lookup finds an AgentgatewayParameters by (namespace, name), null when absent
   */
  public ParametersResolver(BiFunction<String, String, AgentgatewayParameters> lookup) {
    this.lookup = lookup;
  }

  /** The outcome: merged parameters, or why they cannot be used. */
  public sealed interface Result {}

  /** Parameters resolved (possibly none at all). */
  public record Resolved(MergedParameters parameters) implements Result {}

  /** A reference is wrong or dangling. */
  public record Invalid(String message) implements Result {}

  /** Resolves the parameters for {@code gateway} of class {@code gatewayClass}. */
  public Result resolve(Gateway gateway, GatewayClass gatewayClass) {
    List<AgentgatewayParametersSpec> layers = new ArrayList<>();
    ParametersReference classRef =
        gatewayClass.getSpec() == null ? null : gatewayClass.getSpec().getParametersRef();
    if (classRef != null) {
      String where = "GatewayClass " + gatewayClass.getMetadata().getName() + " parametersRef";
      String kindError = kindError(where, classRef.getGroup(), classRef.getKind());
      if (kindError != null) {
        return new Invalid(kindError);
      }
      if (classRef.getNamespace() == null || classRef.getNamespace().isEmpty()) {
        return new Invalid(where + " must set a namespace: AgentgatewayParameters are namespaced");
      }
      Result found = find(classRef.getNamespace(), classRef.getName(), layers);
      if (found != null) {
        return found;
      }
    }
    LocalParametersReference gwRef =
        gateway.getSpec() == null || gateway.getSpec().getInfrastructure() == null
            ? null
            : gateway.getSpec().getInfrastructure().getParametersRef();
    if (gwRef != null) {
      String where = "spec.infrastructure.parametersRef";
      String kindError = kindError(where, gwRef.getGroup(), gwRef.getKind());
      if (kindError != null) {
        return new Invalid(kindError);
      }
      Result found = find(gateway.getMetadata().getNamespace(), gwRef.getName(), layers);
      if (found != null) {
        return found;
      }
    }
    AgentgatewayParametersSpec merged = MergedParameters.empty();
    for (AgentgatewayParametersSpec layer : layers) {
      merged = ParametersMerge.merge(merged, layer);
    }
    return new Resolved(new MergedParameters(merged, layers));
  }

  private Result find(String namespace, String name, List<AgentgatewayParametersSpec> layers) {
    AgentgatewayParameters params = lookup.apply(namespace, name);
    if (params == null) {
      return new Invalid(KIND + " " + namespace + "/" + name + " not found");
    }
    if (params.getSpec() != null) {
      layers.add(params.getSpec());
    }
    return null;
  }

  private static String kindError(String where, String group, String kind) {
    if (GROUP.equals(group) && KIND.equals(kind)) {
      return null;
    }
    return where
        + " must refer to "
        + GROUP
        + "/"
        + KIND
        + ", not "
        + (group == null || group.isEmpty() ? "core" : group)
        + "/"
        + kind;
  }
}
