package dev.agentgateway.crds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.agentgateway.crds.backend.AgentgatewayBackend;
import dev.agentgateway.crds.parameters.AgentgatewayParameters;
import dev.agentgateway.crds.policy.AgentgatewayPolicy;
import dev.agentgateway.crds.testing.Crds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Java types hold every field of upstream's examples: read, written back, nothing lost. */
class UpstreamExamplesRoundTripTest {

  private static final Map<String, Class<?>> TYPES =
      Map.of(
          "AgentgatewayParameters", AgentgatewayParameters.class,
          "AgentgatewayPolicy", AgentgatewayPolicy.class,
          "AgentgatewayBackend", AgentgatewayBackend.class);

  /** A {@code Long} field writes 15 as a long node; YAML read it as an int node. */
  private static final Comparator<JsonNode> SAME_NUMBER_VALUE =
      (a, b) ->
          a.isNumber() && b.isNumber()
              ? a.decimalValue().compareTo(b.decimalValue())
              : a.equals(b) ? 0 : 1;

  @Test
  void everyExampleSpecSurvivesTheJavaTypes() throws Exception {
    ObjectMapper mapper =
        JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    List<String> lost = new ArrayList<>();
    int checked = 0;
    for (JsonNode doc :
        Crds.readAll(Crds.upstreamReference().resolve("examples/k8s-resources.yaml"))) {
      Class<?> type = TYPES.get(doc.path("kind").asText());
      if (type == null || !doc.path("apiVersion").asText().equals("agentgateway.dev/v1alpha1")) {
        continue;
      }
      checked++;
      JsonNode back = mapper.valueToTree(mapper.treeToValue(doc, type));
      if (!doc.get("spec").equals(SAME_NUMBER_VALUE, back.get("spec"))) {
        lost.add(
            doc.path("kind").asText()
                + " "
                + doc.path("metadata").path("name").asText()
                + "\n  read:    "
                + doc.get("spec")
                + "\n  written: "
                + back.get("spec"));
      }
    }
    assertEquals(145, checked);
    assertTrue(lost.isEmpty(), "specs changed by a round trip through the Java types: " + lost);
  }
}
