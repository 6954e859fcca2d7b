package dev.agentgateway.control.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentgateway.crds.parameters.AgentgatewayParametersSpec;
import dev.agentgateway.crds.parameters.EnvVar;
import dev.agentgateway.crds.parameters.Image;
import dev.agentgateway.crds.parameters.Istio;
import dev.agentgateway.crds.parameters.Logging;
import dev.agentgateway.crds.parameters.Resources;
import dev.agentgateway.crds.parameters.Shutdown;
import io.fabric8.kubernetes.api.model.IntOrString;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Field-by-field merge of two AgentgatewayParameters specs, the second winning: image, logging,
 * shutdown and istio per field, env by name, resource maps per key, rawConfig objects deeply;
 * everything else (workload, spiffe, modelCatalog) as a whole. Overlays are not merged here: each
 * layer's overlays are applied in turn.
 */
final class ParametersMerge {
  private ParametersMerge() {}

  static AgentgatewayParametersSpec merge(
      AgentgatewayParametersSpec base, AgentgatewayParametersSpec over) {
    return new AgentgatewayParametersSpec(
        null,
        null,
        env(base.env(), over.env()),
        null,
        image(base.image(), over.image()),
        istio(base.istio(), over.istio()),
        logging(base.logging(), over.logging()),
        pick(base.modelCatalog(), over.modelCatalog()),
        null,
        rawConfig(base.rawConfig(), over.rawConfig()),
        resources(base.resources(), over.resources()),
        null,
        null,
        shutdown(base.shutdown(), over.shutdown()),
        pick(base.spiffe(), over.spiffe()),
        pick(base.workload(), over.workload()));
  }

  private static <T> T pick(T base, T over) {
    return over != null ? over : base;
  }

  private static List<EnvVar> env(List<EnvVar> base, List<EnvVar> over) {
    if (base == null || over == null) {
      return pick(base, over);
    }
    Map<String, EnvVar> byName = new LinkedHashMap<>();
    base.forEach(e -> byName.put(e.name(), e));
    over.forEach(e -> byName.put(e.name(), e));
    return new ArrayList<>(byName.values());
  }

  private static Image image(Image base, Image over) {
    if (base == null || over == null) {
      return pick(base, over);
    }
    return new Image(
        pick(base.digest(), over.digest()),
        pick(base.pullPolicy(), over.pullPolicy()),
        pick(base.registry(), over.registry()),
        pick(base.repository(), over.repository()),
        pick(base.tag(), over.tag()));
  }

  private static Istio istio(Istio base, Istio over) {
    if (base == null || over == null) {
      return pick(base, over);
    }
    return new Istio(
        pick(base.additionalTrustDomains(), over.additionalTrustDomains()),
        pick(base.caAddress(), over.caAddress()),
        pick(base.clusterId(), over.clusterId()),
        pick(base.enabled(), over.enabled()),
        pick(base.network(), over.network()),
        pick(base.trustDomain(), over.trustDomain()));
  }

  private static Logging logging(Logging base, Logging over) {
    if (base == null || over == null) {
      return pick(base, over);
    }
    return new Logging(pick(base.format(), over.format()), pick(base.level(), over.level()));
  }

  private static Shutdown shutdown(Shutdown base, Shutdown over) {
    if (base == null || over == null) {
      return pick(base, over);
    }
    return new Shutdown(pick(base.max(), over.max()), pick(base.min(), over.min()));
  }

  private static Resources resources(Resources base, Resources over) {
    if (base == null || over == null) {
      return pick(base, over);
    }
    return new Resources(
        pick(base.claims(), over.claims()),
        quantities(base.limits(), over.limits()),
        quantities(base.requests(), over.requests()));
  }

  private static Map<String, IntOrString> quantities(
      Map<String, IntOrString> base, Map<String, IntOrString> over) {
    if (base == null || over == null) {
      return pick(base, over);
    }
    Map<String, IntOrString> merged = new LinkedHashMap<>(base);
    merged.putAll(over);
    return merged;
  }

  private static JsonNode rawConfig(JsonNode base, JsonNode over) {
    if (base == null || over == null) {
      return pick(base, over);
    }
    return JsonMerge.deepMerge(base, over);
  }
}
