package dev.agentgateway.crds.parameters;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crd.generator.annotation.Labels;
import io.fabric8.generator.annotation.Required;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.Plural;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Singular;
import io.fabric8.kubernetes.model.annotation.Version;

/** Deployment settings for a Gateway's proxy, referenced from a GatewayClass or Gateway. */
@Group("agentgateway.dev")
@Version("v1alpha1")
@Plural("agentgatewayparameters")
@Singular("agentgatewayparameters")
@ShortNames("agpar")
@Categories("agentgateway")
@Labels({
  "app=agentgateway",
  "app.kubernetes.io/name=agentgateway",
  "gateway.networking.k8s.io/policy=Direct"
})
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class AgentgatewayParameters
    extends CustomResource<AgentgatewayParametersSpec, AgentgatewayParametersStatus>
    implements Namespaced {

  @Override
  @Required
  public AgentgatewayParametersSpec getSpec() {
    return super.getSpec();
  }
}
