package dev.agentgateway.crds.parameters;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.agentgateway.crds.common.FreeForm;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.ValidationRule;
import java.util.List;

/** The desired state of an AgentgatewayParameters. */
@ValidationRule(
    value =
        "!has(self.deployment) || !has(self.workload) || !has(self.workload.kind) || self.workload.kind == 'Deployment'",
    message = "deployment overlays are only valid when workload.kind is Deployment or unset")
@ValidationRule(
    value =
        "!has(self.daemonSet) || (has(self.workload) && has(self.workload.kind) && self.workload.kind == 'DaemonSet')",
    message = "daemonSet overlays are only valid when workload.kind is DaemonSet")
@ValidationRule(
    value =
        "!has(self.horizontalPodAutoscaler) || !has(self.workload) || !has(self.workload.kind) || self.workload.kind != 'DaemonSet'",
    message = "horizontalPodAutoscaler is not valid when workload.kind is DaemonSet")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AgentgatewayParametersSpec(
    KubernetesResourceOverlay daemonSet,
    KubernetesResourceOverlay deployment,
    List<EnvVar> env,
    KubernetesResourceOverlay horizontalPodAutoscaler,
    Image image,
    Istio istio,
    Logging logging,
    ModelCatalog modelCatalog,
    KubernetesResourceOverlay podDisruptionBudget,
    @SchemaFrom(type = FreeForm.class) JsonNode rawConfig,
    Resources resources,
    KubernetesResourceOverlay service,
    KubernetesResourceOverlay serviceAccount,
    Shutdown shutdown,
    Spiffe spiffe,
    Workload workload) {}
