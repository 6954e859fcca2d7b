package dev.agentgateway.crds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.agentgateway.crds.testing.Crds;
import dev.agentgateway.crds.testing.StructuralSchemaValidator;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Upstream's documented manifests must apply unchanged to our CRDs, as {@code kubectl apply} with
 * strict field validation would take them (CEL rules aside). The same manifests against upstream's
 * own CRDs check the validator.
 */
class UpstreamExamplesValidateTest {

  private static final int EXPECTED_RESOURCES = 145;

  @Test
  void everyUpstreamExampleValidatesAgainstOurCrds() {
    Report report = validateAll(kind -> Crds.schema(Crds.checkedIn(kind)));
    System.out.println("our CRDs: " + report.summary());
    assertEquals(EXPECTED_RESOURCES, report.checked, "agentgateway.dev resources in the examples");
    assertTrue(report.failures.isEmpty(), "examples rejected by our CRDs:\n" + report.details());
  }

  @Test
  void everyUpstreamExampleValidatesAgainstUpstreamCrds() {
    Path crds = Crds.upstreamReference().resolve("crds");
    Report report = validateAll(kind -> Crds.schema(crds.resolve(kind.fileName())));
    System.out.println("upstream CRDs: " + report.summary());
    assertEquals(EXPECTED_RESOURCES, report.checked);
    assertTrue(
        report.failures.isEmpty(), "examples rejected by upstream CRDs:\n" + report.details());
  }

  private static Report validateAll(Function<Crds.Kind, JsonNode> schemas) {
    Path examples = Crds.upstreamReference().resolve("examples/k8s-resources.yaml");
    Report report = new Report();
    Map<Crds.Kind, JsonNode> cache = new EnumMap<>(Crds.Kind.class);
    for (JsonNode doc : Crds.readAll(examples)) {
      if (!doc.path("apiVersion").asText().equals("agentgateway.dev/v1alpha1")) {
        continue;
      }
      Crds.Kind kind = kindOf(doc.path("kind").asText());
      StructuralSchemaValidator.Result result =
          StructuralSchemaValidator.validate(cache.computeIfAbsent(kind, schemas), doc);
      report.checked++;
      report.celRules += result.celRulesSkipped();
      if (!result.valid()) {
        report.failures.add(
            kind.kind
                + " "
                + doc.path("metadata").path("namespace").asText("-")
                + "/"
                + doc.path("metadata").path("name").asText()
                + ":\n    "
                + String.join("\n    ", result.errors()));
      }
    }
    return report;
  }

  private static Crds.Kind kindOf(String kind) {
    for (Crds.Kind k : Crds.Kind.values()) {
      if (k.kind.equals(kind)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown agentgateway.dev kind " + kind);
  }

  private static final class Report {
    int checked;
    int celRules;
    final List<String> failures = new ArrayList<>();

    String summary() {
      return checked
          + " resources checked, "
          + failures.size()
          + " rejected, "
          + celRules
          + " CEL rules not evaluated";
    }

    String details() {
      return String.join("\n", failures);
    }
  }
}
