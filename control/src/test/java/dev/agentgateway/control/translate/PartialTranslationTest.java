package dev.agentgateway.control.translate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.agentgateway.control.xds.cache.GatewayKey;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.ParentReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Re-translating one Gateway and merging it into the last full translation gives exactly the full
 * translation, for every golden case and every Gateway in it: what the controller relies on to
 * re-translate only what a change affects.
 */
class PartialTranslationTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /** The golden cases without ListenerSets (with them the controller translates in full). */
  static List<Path> cases() throws Exception {
    List<Path> out = new ArrayList<>();
    for (Path p : TranslatorGoldenTest.cases().toList()) {
      if (!Files.readString(p).contains("kind: ListenerSet\n")) {
        out.add(p);
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void oneGatewayRetranslatedAndMergedEqualsTheFullTranslation(Path file) throws Exception {
    String text = Files.readString(file);
    int split = text.indexOf("\n---\n");
    Inputs inputs =
        TranslatorGoldenTest.inputs(YAML.readTree(split < 0 ? text : text.substring(0, split + 1)));
    Translation full = Translator.translate(inputs);
    Map<ObjectKey, List<ParentReference>> refs = new HashMap<>();
    List<HasMetadata> routes = new ArrayList<>(inputs.httpRoutes());
    routes.addAll(inputs.grpcRoutes());
    inputs.httpRoutes().forEach(r -> refs.put(ObjectKey.of(r), r.getSpec().getParentRefs()));
    inputs.grpcRoutes().forEach(r -> refs.put(ObjectKey.of(r), r.getSpec().getParentRefs()));
    for (GatewayKey gateway : full.gateways().keySet()) {
      Set<GatewayKey> scope = Set.of(gateway);
      Translation partial = Translator.translate(inputs, scope::contains);
      Translation merged =
          full.merge(
              partial,
              scope::contains,
              (route, parent) -> ParentOrder.index(route.namespace(), refs.get(route), parent));
      assertEquals(full.resources(), merged.resources(), file + " resources, scope " + gateway);
      assertEquals(full.gateways(), merged.gateways(), file + " gateways, scope " + gateway);
      assertEquals(full.httpRoutes(), merged.httpRoutes(), file + " httpRoutes, scope " + gateway);
      assertEquals(full.grpcRoutes(), merged.grpcRoutes(), file + " grpcRoutes, scope " + gateway);
      assertEquals(full, merged, file + ", scope " + gateway);
    }
  }
}
