package dev.agentgateway.crds.backend;

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

/** A backend routes can send traffic to: a static host, an LLM provider, MCP targets or AWS. */
@Group("agentgateway.dev")
@Version("v1alpha1")
@Plural("agentgatewaybackends")
@Singular("agentgatewaybackend")
@ShortNames("agbe")
@Categories("agentgateway")
@Labels({"app=agentgateway", "app.kubernetes.io/name=agentgateway"})
@AdditionalPrinterColumn(
    name = "Accepted",
    jsonPath = ".status.conditions[?(@.type=='Accepted')].status",
    type = AdditionalPrinterColumn.Type.STRING,
    getDescription = "Whether the backend configuration was accepted")
@AdditionalPrinterColumn(
    name = "Age",
    jsonPath = ".metadata.creationTimestamp",
    type = AdditionalPrinterColumn.Type.DATE)
public class AgentgatewayBackend
    extends CustomResource<AgentgatewayBackendSpec, AgentgatewayBackendStatus>
    implements Namespaced {

  @Override
  @Required
  public AgentgatewayBackendSpec getSpec() {
    return super.getSpec();
  }
}
