package dev.agentgateway.helm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The CRD chart: the generated CRDs of crds/, unchanged, and nothing else. */
class CrdChartTest {

  @Test
  void chartHoldsExactlyTheGeneratedCrds() throws IOException {
    List<Path> generated = crdFiles(Charts.root().resolve("crds"));
    List<Path> shipped = crdFiles(Charts.crdChart().resolve("templates"));
    assertEquals(
        generated.stream().map(p -> p.getFileName().toString()).toList(),
        shipped.stream().map(p -> p.getFileName().toString()).toList());
    for (int i = 0; i < generated.size(); i++) {
      assertEquals(
          Files.readString(generated.get(i)),
          Files.readString(shipped.get(i)),
          shipped.get(i)
              + " differs from "
              + generated.get(i)
              + ": run the helm module's build (it copies them) and commit the result");
    }
  }

  @Test
  void lintsWithoutWarnings() {
    LintResult lint = new Helm(Charts.crdChart()).lint().strict().call();
    assertFalse(lint.isFailed(), String.join("\n", lint.getMessages()));
    assertTrue(
        lint.getMessages().stream()
            .noneMatch(m -> m.contains("[ERROR]") || m.contains("[WARNING]")),
        String.join("\n", lint.getMessages()));
  }

  @Test
  void rendersTheThreeCrdsAsWritten() throws IOException {
    List<HasMetadata> rendered = Charts.objects(Charts.render(Charts.crdChart(), null, Map.of()));

    assertEquals(
        List.of(
            "agentgatewaybackends.agentgateway.dev",
            "agentgatewayparameters.agentgateway.dev",
            "agentgatewaypolicies.agentgateway.dev"),
        rendered.stream().map(o -> o.getMetadata().getName()).sorted().toList());
    for (HasMetadata object : rendered) {
      CustomResourceDefinition crd = (CustomResourceDefinition) object;
      Path source =
          Charts.root()
              .resolve("crds")
              .resolve(
                  crd.getSpec().getGroup() + "_" + crd.getSpec().getNames().getPlural() + ".yaml");
      assertEquals(
          StrictModel.parse(Charts.documents(Files.readString(source)).getFirst()),
          crd,
          "Helm rendered " + source.getFileName() + " unchanged");
    }
  }

  private static List<Path> crdFiles(Path dir) throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(p -> p.getFileName().toString().startsWith("agentgateway.dev_"))
          .sorted()
          .toList();
    }
  }
}
