package dev.agentgateway.crds.policy;

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

/** Traffic and backend policy attached to Gateways, routes, Services or backends. */
@Group("agentgateway.dev")
@Version("v1alpha1")
@Plural("agentgatewaypolicies")
@Singular("agentgatewaypolicy")
@ShortNames("agpol")
@Categories("agentgateway")
@Labels({
  "app=agentgateway",
  "app.kubernetes.io/name=agentgateway",
  "gateway.networking.k8s.io/policy=Direct"
})
@AdditionalPrinterColumn(
    name = "Accepted",
    jsonPath = ".status.ancestors[*].conditions[?(@.type=='Accepted')].status",
    type = AdditionalPrinterColumn.Type.STRING,
    getDescription = "Whether the policy was accepted")
@AdditionalPrinterColumn(
    name = "Attached",
    jsonPath = ".status.ancestors[*].conditions[?(@.type=='Attached')].status",
    type = AdditionalPrinterColumn.Type.STRING,
    getDescription = "Whether the policy is attached to its targets")
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class AgentgatewayPolicy
    extends CustomResource<AgentgatewayPolicySpec, AgentgatewayPolicyStatus> implements Namespaced {

  @Override
  @Required
  public AgentgatewayPolicySpec getSpec() {
    return super.getSpec();
  }
}
