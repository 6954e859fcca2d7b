package dev.agentgateway.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/** The two charts, rendered by real Helm (helm-java runs Helm's Go library in-process). */
final class Charts {
  static final String RELEASE = "agentgateway";
  static final String NAMESPACE = "agentgateway-system";

  /** The Kubernetes version rendered for (Helm's default is older than the charts support). */
  static final String KUBE_VERSION = "1.33.0";

  private Charts() {}

  /** The repository root (tests run in the helm module's folder). */
  static Path root() {
    Path module = Path.of("").toAbsolutePath();
    return Files.exists(module.resolve("agentgateway")) ? module.getParent() : module;
  }

  static Path controllerChart() {
    return root().resolve("helm/agentgateway");
  }

  static Path crdChart() {
    return root().resolve("helm/agentgateway-crds");
  }

  /**
   * Renders {@code chart} as release {@value #RELEASE} in {@value #NAMESPACE}.
   *
   * @param valuesFile a values file, or null
   * @param sets {@code --set} pairs
   * @throws IllegalStateException with Helm's message when Helm refuses (schema, {@code required})
   */
  static String render(Path chart, Path valuesFile, Map<String, Object> sets) {
    TemplateCommand template =
        new Helm(chart)
            .template()
            .withName(RELEASE)
            .withNamespace(NAMESPACE)
            .withKubeVersion(KUBE_VERSION);
    if (valuesFile != null) {
      template = template.withValuesFile(valuesFile);
    }
    for (Map.Entry<String, Object> set : sets.entrySet()) {
      template = template.set(set.getKey(), set.getValue());
    }
    return template.call();
  }

  /** Each non-empty YAML document of {@code rendered}, as plain maps. */
  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> documents(String rendered) {
    List<Map<String, Object>> docs = new ArrayList<>();
    Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
    for (Object doc : yaml.loadAll(rendered)) {
      if (doc != null) {
        docs.add((Map<String, Object>) doc);
      }
    }
    return docs;
  }

  /**
   * The controller container's environment as the pod would see it: values as rendered, field
   * references resolved the way the kubelet would for a pod named {@code pod}.
   */
  static Map<String, String> controllerEnv(Deployment deployment, String pod) {
    Map<String, String> env = new LinkedHashMap<>();
    for (EnvVar var :
        deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
      if (var.getValueFrom() == null) {
        env.put(var.getName(), var.getValue());
      } else if (var.getValueFrom().getFieldRef() != null) {
        String field = var.getValueFrom().getFieldRef().getFieldPath();
        switch (field) {
          case "metadata.namespace" -> env.put(var.getName(), NAMESPACE);
          case "metadata.name" -> env.put(var.getName(), pod);
          default -> {
            // node and IP fields have no value outside a cluster
          }
        }
      }
    }
    return env;
  }

  /** The rendered objects, parsed strictly. */
  static List<HasMetadata> objects(String rendered) {
    return documents(rendered).stream().map(StrictModel::parse).toList();
  }

  /** The documents of one kind. */
  static List<Map<String, Object>> ofKind(List<Map<String, Object>> docs, String kind) {
    return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
  }
}
